// The nats-server configs docker mode writes pass the real server's own check
// (`nats-server -t`), on whichever version the tests run (CI: 2.9 and 2.10).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ComposeInput, renderCompose, renderNatsAuth } from '../../src/provision/compose.js';

const dir = mkdtempSync(join(tmpdir(), 'natsgh-compose-conf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: ComposeInput = {
  deployment: 'acme',
  natsType: 'self_hosted',
  replicas: 1,
  port: 4222,
  monitorPort: 8222,
  controllerPort: 8080,
  controllerEnv: {},
  secretFiles: {},
  controllerImage: 'natsgh-controller:test',
};

/** Writes the rendered configs (and auth.conf) into a directory and runs `nats-server -t` on each. */
function check(input: ComposeInput, name: string): void {
  const sub = join(dir, name);
  mkdirSync(sub, { recursive: true });
  const rendered = renderCompose(input);
  writeFileSync(join(sub, 'auth.conf'), renderNatsAuth({ user: 'app', password: 'p"w$x' })!);
  for (const [file, text] of Object.entries(rendered.files)) {
    // The store is a container path; point it somewhere writable here.
    writeFileSync(join(sub, file), text.replace('/data/jetstream', join(sub, 'js')));
    const r = spawnSync('nats-server', ['-t', '-c', join(sub, file)], { encoding: 'utf8' });
    expect(`${file}: ${r.stdout}${r.stderr}`).toContain('is valid');
    expect(r.status).toBe(0);
  }
}

describe('docker-mode nats-server configs pass nats-server -t', () => {
  it('self_hosted with authorization', () => check({ ...base, natsAuth: true }, 'single'));
  it('self_hosted_cluster', () =>
    check({ ...base, natsType: 'self_hosted_cluster', replicas: 3 }, 'cluster'));
  it('hybrid leaf (no reconnect value 2.9 or 2.10 rejects)', () =>
    check(
      {
        ...base,
        natsType: 'hybrid',
        jetstreamDomain: 'edge',
        natsAuth: true,
        leafRemote: { urls: ['nats-leaf://hub.example.com:7422'] },
      },
      'hybrid',
    ));
});
