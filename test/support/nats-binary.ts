// Which nats-server the tests run: NATSGH_TEST_NATS_SERVER when set (CI runs the
// NATS-facing tests once more against 2.10 that way), else the one on PATH, else
// one natsgh provisions itself — its verified download, or the OS package
// (apt-get as root on Debian). Never skipped: without a nats-server the run fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

function versionOf(bin: string): string {
  const out = execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const m = /v?(\d+\.\d+\.\d+)/.exec(out);
  if (!m) throw new Error(`${bin} --version printed no version: ${out.trim()}`);
  return m[1];
}

/** Puts `bin` first on PATH as `nats-server`, for the test workers and every process they spawn. */
function putFirstOnPath(bin: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-test-bin-'));
  symlinkSync(resolve(bin), join(dir, process.platform === 'win32' ? 'nats-server.exe' : 'nats-server'));
  process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ''}`;
}

function onPath(): string | undefined {
  try {
    const cmd = process.platform === 'win32' ? 'where' : 'which';
    return execFileSync(cmd, ['nats-server'], { encoding: 'utf8' }).split(/\r?\n/)[0].trim() || undefined;
  } catch {
    return undefined;
  }
}

type Provision = () => Promise<{ path: string; version: string; source: string }>;

/** natsgh's own way of getting nats-server: the verified download, else the OS package (consented). */
const natsghProvision: Provision = async () => {
  const { resolveConfig } = await import('../../src/config/load.js');
  const { resolveNatsServerBinary } = await import('../../src/system/nats-server-binary.js');
  const { currentPlatform } = await import('../../src/system/platform.js');
  const { config } = await resolveConfig({ noFile: true, env: {}, flags: {} });
  return resolveNatsServerBinary({
    config,
    platform: currentPlatform(),
    interactive: false,
    // The README's test command promises to set up what it needs: consent to the package manager.
    assumeYes: true,
    signal: AbortSignal.timeout(10 * 60_000),
    log: { info: (l) => console.log(`nats-server: ${l}`), warn: (l) => console.warn(`nats-server: ${l}`) },
  });
};

/** Makes sure `nats-server` on PATH is the one the tests should run; returns its path and version. */
export async function provideNatsServer(
  provision: Provision = natsghProvision,
): Promise<{ path: string; version: string; source: string }> {
  const chosen = process.env.NATSGH_TEST_NATS_SERVER;
  if (chosen) {
    const version = versionOf(chosen);
    putFirstOnPath(chosen);
    return { path: chosen, version, source: 'NATSGH_TEST_NATS_SERVER' };
  }
  const found = onPath();
  if (found) return { path: found, version: versionOf(found), source: 'PATH' };

  try {
    const got = await provision();
    if (dirname(got.path) !== dirname(onPath() ?? '')) putFirstOnPath(got.path);
    return { path: got.path, version: got.version, source: got.source };
  } catch (err) {
    throw new Error(
      `the tests need nats-server and none could be provisioned (natsgh's verified download and the OS package both failed): ${(err as Error).message}. Install nats-server (https://docs.nats.io/running-a-nats-service/introduction/installation) or set NATSGH_TEST_NATS_SERVER to a binary.`,
    );
  }
}
