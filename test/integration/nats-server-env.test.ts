// A nats-server natsgh runs needs none of natsgh's secrets, and a process's
// environment is readable by every process of the same user (ps eww,
// /proc/<pid>/environ): the secrets natsgh was given stay out of the server's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serverEnvironment, spawnServer } from '../../src/provision/local-server.js';
import { findOnPath } from '../../src/system/process.js';
import { freePort } from '../support/nats-server.js';

const SECRETS = {
  GITHUB_TOKEN: 'ghp_serverEnvNeverSeesThis0123456789',
  NATSGH_WEBHOOK_SECRET: 'whsec-server-env-never',
  NATSGH_NATS_PASSWORD: 'pw-server-env-never',
};

/** The environment of a running process, as another process of this user reads it. */
function environmentOf(pid: number): string {
  if (process.platform === 'linux') return readFileSync(`/proc/${pid}/environ`, 'utf8');
  // macOS (and other BSDs): ps prints the environment after the command with -E / eww.
  return execFileSync('ps', ['eww', '-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe('the environment of a nats-server natsgh runs', () => {
  it('drops every variable that carries a natsgh secret and keeps the rest', () => {
    const env = serverEnvironment({ ...SECRETS, NATSGH_NATS_TOKEN: 't', PATH: '/usr/bin', HOME: '/h' });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/h' });
  });

  it('a spawned server does not carry the secrets natsgh has in its environment', async () => {
    const bin = process.env.NATSGH_TEST_NATS_SERVER ?? findOnPath('nats-server');
    expect(bin, 'nats-server is provisioned by the test setup').toBeTruthy();
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-server-env-'));
    const saved = Object.fromEntries(Object.keys(SECRETS).map((k) => [k, process.env[k]]));
    Object.assign(process.env, SECRETS);
    cleanups.push(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });
    const [port, monitorPort] = [await freePort(), await freePort()];
    const { pid } = await spawnServer(
      {
        deployment: 'env',
        serverName: 'env',
        port,
        monitorPort,
        dir,
        portFlags: { port: '--nats-port', monitorPort: '--monitor-port' },
      },
      bin!,
      `port: ${port}\nhttp_port: ${monitorPort}\nhost: 127.0.0.1\n`,
    );
    cleanups.push(() => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    });
    if (process.platform === 'win32') {
      // No other process can read a Windows process's environment without a debugger API;
      // what the server was given is what serverEnvironment returns (tested above).
      return;
    }
    const environ = environmentOf(pid);
    expect(environ).toContain('PATH=');
    for (const value of Object.values(SECRETS)) expect(environ).not.toContain(value);
  });
});
