// `npm test` provisions the nats-server it needs (support/nats-binary.ts): with
// none on PATH it gets one the way natsgh does (verified download, or the OS
// package) and puts it first on PATH; when that fails the run fails, never skips.
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideNatsServer } from '../support/nats-binary.js';

const real = execFileSync('which', ['nats-server'], { encoding: 'utf8' }).trim();
let savedPath: string | undefined;
let savedChoice: string | undefined;

beforeEach(() => {
  savedPath = process.env.PATH;
  savedChoice = process.env.NATSGH_TEST_NATS_SERVER;
  delete process.env.NATSGH_TEST_NATS_SERVER;
  // A PATH with the usual tools but no nats-server.
  process.env.PATH = '/usr/bin:/bin';
});
afterEach(() => {
  process.env.PATH = savedPath;
  if (savedChoice === undefined) delete process.env.NATSGH_TEST_NATS_SERVER;
  else process.env.NATSGH_TEST_NATS_SERVER = savedChoice;
});

describe('provisioning nats-server for the tests', () => {
  it('with none on PATH, provisions one and puts it first on PATH', async () => {
    expect(() => execFileSync('which', ['nats-server'])).toThrow();
    const got = await provideNatsServer(async () => ({ path: real, version: '2.9.10', source: 'download' }));
    expect(got.source).toBe('download');
    expect(execFileSync('nats-server', ['--version'], { encoding: 'utf8' })).toMatch(/nats-server: v\d/);
  });

  it('fails (does not skip) when it cannot provision one', async () => {
    await expect(
      provideNatsServer(async () => {
        throw new Error('offline; apt-get install failed');
      }),
    ).rejects.toThrow(/the tests need nats-server and none could be provisioned.*offline/);
  });
});
