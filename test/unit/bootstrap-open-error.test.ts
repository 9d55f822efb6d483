// When provision-nats ran but natsgh cannot open the deployment's NATS, the bootstrap's error
// says why (the open's own error, redacted): a real nats-server that requires a token, and a
// provisioner whose connection carries the wrong one.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { phaseOf } from '../../src/phases/index.js';
import { provisionNats } from '../../src/phases/provision-nats.js';
import type { Provisioner } from '../../src/provision/provisioner.js';
import { registerSecret } from '../../src/redact.js';
import { runBootstrap } from '../../src/services/bootstrap.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

const WRONG = `wrong-token-${process.pid}`;
let nats: TestNatsServer;
let dir: string;
beforeAll(async () => {
  nats = await startNatsServer({ extraConfig: `authorization { token: "right-token-${process.pid}" }` });
  dir = mkdtempSync(join(tmpdir(), 'natsgh-open-error-'));
});
afterAll(async () => {
  await nats?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('"NATS was provisioned but does not accept connections" names the cause, without the secret', async () => {
  registerSecret(WRONG);
  const { config } = await resolveConfig({
    noFile: true,
    env: {},
    flags: { 'state-dir': join(dir, 'state'), mode: 'dev', 'nats-type': 'self_hosted' },
  });
  const provisioner: Provisioner = {
    kind: 'test',
    reachableAtStart: false,
    plan: async () => [],
    apply: async () => ({ servers: [nats.url], outputs: {} }),
    verify: async () => ({ ok: false, reason: 'never applied' }),
    teardown: async () => {},
    connection: () => ({ servers: [nats.url], token: WRONG }),
  };
  const result = await runBootstrap({
    config,
    selection: {},
    dryRun: false,
    lockTimeoutMs: 10_000,
    interactive: false,
    assumeYes: true,
    render: 'silent',
    signal: new AbortController().signal,
    cliVersion: '0.0.0-test',
    terraform: { enabled: false, dir: 'terraform', backend: 'local', backendConfig: {}, vars: {} },
    phases: [phaseOf('provision-nats', provisionNats)],
    provisioner,
  });
  expect(result.ok).toBe(false);
  const failed = result.phases.find((p) => p.id === 'provision-nats');
  expect(failed?.status).toBe('failed');
  // The phase report (and so the --json result) carries the open's own reason.
  expect(failed?.reason).toMatch(/^NATS was provisioned but does not accept connections: \S/);
  expect(failed?.reason).toContain('Authorization Violation');
  expect(failed?.reason).not.toContain(WRONG);
}, 60_000);
