// Reproduces the nats-server 2.10.23-2.10.29 start race (src/nats/meta-group.ts) in docker mode
// and shows natsgh's repair: provisions a three-service self_hosted_cluster over and over with
// a test image whose servers run pinned to one CPU (`taskset -c 0`, GOMAXPROCS=4, which makes the
// race come up in a few starts in 20 instead of rarely), counting the starts where natsgh had to
// `docker compose restart` a service the meta leader did not count, and whether each formed.
// Not part of the suite (its outcome is a rate, not a fact): run by hand after `npm run build`,
// with the engine and base images up (scripts/test-docker.sh does both):
//   node test/docker/meta-race-repro.mjs [starts] [--no-restart]
// --no-restart: natsgh's wait runs with a compose runner that restarts nothing, to show that a
// service left outside stays outside (the wait fails with nats_cluster_form after 60 s) and what
// its /raftz says then (a follower the leader's peer map does not hold).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../dist/config/load.js';
import { NATS_IMAGE } from '../../dist/provision/compose.js';
import {
  awaitComposeMetaGroup,
  createDockerProvisioner,
  dockerCompose,
  writeComposeFiles,
} from '../../dist/provision/docker.js';
import { provisionContext } from '../../dist/provision/provisioner.js';

const starts = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20);
const noRestart = process.argv.includes('--no-restart');
const image = 'localhost/natsgh-test/nats-one-cpu:2.10';
const dir = mkdtempSync(join(tmpdir(), 'natsgh-meta-race-'));
execFileSync('docker', ['build', '-q', '-t', image, '-'], {
  input: `FROM ${NATS_IMAGE}\nENV GOMAXPROCS=4\nENTRYPOINT ["taskset", "-c", "0", "docker-entrypoint.sh"]\n`,
  stdio: ['pipe', 'ignore', 'inherit'],
});

/** A port p where p..p+2 and p+10000..p+10002 are free on loopback (client and monitoring ports). */
async function basePort() {
  const isFree = (port) =>
    new Promise((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
  for (;;) {
    const p = 30000 + Math.floor(Math.random() * 9000);
    const all = [0, 1, 2, 10000, 10001, 10002].map((d) => p + d);
    if ((await Promise.all(all.map(isFree))).every(Boolean)) return p;
  }
}
const base = await basePort();
const tally = { starts: 0, restarted: 0, formed: 0, failed: 0 };
try {
  for (let i = 0; i < starts; i++) {
    const { config } = await resolveConfig({
      noFile: true,
      env: {},
      flags: {
        mode: 'docker',
        'nats-type': 'self_hosted_cluster',
        'state-dir': join(dir, 'state'),
        deployment: 'metarace',
        'nats-image': image,
        'nats-port': base,
        'monitor-port': base + 10000,
      },
    });
    const warnings = [];
    const ctx = provisionContext({
      config,
      signal: new AbortController().signal,
      log: { info: () => undefined, warn: (l) => warnings.push(l) },
    });
    const p = createDockerProvisioner(config);
    const t0 = Date.now();
    let outcome = 'formed';
    try {
      if (noRestart) {
        const written = await writeComposeFiles(ctx);
        await dockerCompose(ctx, ['up', '-d', '--wait', ...written.natsServices], 'up', { quiet: true });
        await awaitComposeMetaGroup(ctx, written.natsServices, {
          compose: async (args) => {
            warnings.push(`would ${args.join(' ')} (not done: --no-restart)`);
            return '';
          },
        }).catch(async (err) => {
          const raftz = await Promise.all(
            written.natsServices.map(async (s, n) => {
              const r = await fetch(`http://127.0.0.1:${base + 10000 + n}/raftz`).catch(() => undefined);
              const meta = r?.ok ? (await r.json()).$SYS?._meta_ : undefined;
              return `${s}: ${meta ? `${meta.state} applied ${meta.applied} peers ${Object.keys(meta.peers ?? {}).length} id ${meta.id} leader ${meta.leader}` : 'no /raftz'}`;
            }),
          );
          throw new Error(`${err.message}\n  /raftz $SYS meta: ${raftz.join('; ')}`);
        });
      } else {
        await p.apply(ctx);
      }
      tally.formed++;
    } catch (err) {
      outcome = `FAILED: ${err.message}`;
      tally.failed++;
    }
    tally.starts++;
    const restarts = warnings.filter((w) => w.includes('restarting it') || w.startsWith('would '));
    if (restarts.length > 0) tally.restarted++;
    console.log(
      `start ${i + 1}: ${outcome} in ${Math.round((Date.now() - t0) / 1000)} s${restarts.map((w) => `\n  warning: ${w}`).join('')}`,
    );
    await p.teardown(ctx, { purge: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  execFileSync('docker', ['image', 'rm', image], { stdio: 'ignore' });
  console.log(JSON.stringify(tally));
}
