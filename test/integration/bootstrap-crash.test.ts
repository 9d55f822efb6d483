// kill -9 at phase boundaries and mid-phase (NATSGH_TEST_CRASH_AT makes the
// runner SIGKILL itself at an exact point), each crash resumed by the next run:
// the deployment converges with exactly one server and one controller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../support/cli.js';
import { createTestDeployment, phaseStatuses, type TestDeployment } from '../support/deployment.js';

// "mid" is after the phase's side effects and before its done checkpoint: the
// nastiest point. "after" a phase is the boundary before the next one.
const CRASH_POINTS = [
  'prerequisites:after',
  'provision-nats:mid',
  'handoff:mid',
  'deploy-controller:mid',
  'deploy-controller:after',
  'generate-files:mid',
  'validate:mid',
];

describe('bootstrap after kill -9', () => {
  let d: TestDeployment;
  beforeAll(async () => {
    d = await createTestDeployment();
  });
  afterAll(async () => {
    await d?.cleanup();
  });

  it('converges after a crash at each point, with one server and one controller', async () => {
    for (const point of CRASH_POINTS) {
      const r = await d.run(['bootstrap', '--json'], { NATSGH_TEST_CRASH_AT: point });
      expect(r.signal, `${point}: code ${r.code}\n${r.stdout}\n${r.stderr}`).toBe('SIGKILL');
    }
    const { r, doc } = await d.bootstrap();
    expect(r.code, r.stderr).toBe(0);
    expect(doc.ok).toBe(true);
    // validate crashed before its checkpoint; everything else is done and verified.
    expect(phaseStatuses(doc).validate).toBe('done');
    const procs = await d.processes();
    expect(
      procs.filter((c) => c.includes('nats-server')),
      procs.join('\n'),
    ).toHaveLength(1);
    expect(
      procs.filter((c) => c.includes('controller run')),
      procs.join('\n'),
    ).toHaveLength(1);
    const again = await d.bootstrap();
    for (const p of again.doc.phases) expect(p.status, p.id).toBe('skipped');
    const status = parseJson(await d.run(['status', '--json']));
    expect(status.lock).toBeNull();
  }, 180_000);
});
