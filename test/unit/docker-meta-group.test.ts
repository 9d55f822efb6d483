// Docker mode's self_hosted_cluster after `compose up --wait`: the JetStream meta group judged
// from each service's /jsz (answers recorded from real nats-server 2.9.10/2.10.27 clusters,
// test/fixtures/jsz, renamed to the compose services nats-1..3), and the restart of a service the
// nats-server 2.10 start race left outside it. First through fakes (fetch, compose runner), then
// through natsgh's own `docker compose` runner (a recording stand-in docker) and monitoring ports
// that answer with the recorded payloads.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NatsghError } from '../../src/errors.js';
import type { JszMeta } from '../../src/nats/meta-group.js';
import { awaitComposeMetaGroup, composeFiles, judgeComposeMetaGroup } from '../../src/provision/docker.js';
import { createProvisioner } from '../../src/provision/index.js';
import { MAX_META_RESTARTS } from '../../src/provision/local-cluster.js';
import { clusterPorts } from '../support/local-cluster.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';
import { createStandIns, type StandIns } from '../support/stand-in.js';

const SERVICES = ['nats-1', 'nats-2', 'nats-3'];

/** A recorded capture's /jsz bodies, servers t-n0..2 renamed to the compose services nats-1..3. */
function recorded(name: string): Array<JszMeta | null> {
  let text = readFileSync(join(import.meta.dirname, '../fixtures/jsz', `${name}.json`), 'utf8');
  for (let i = 0; i < 3; i++) text = text.replaceAll(`"t-n${i}"`, `"nats-${i + 1}"`);
  return (JSON.parse(text) as { jsz: Array<JszMeta | null> }).jsz;
}

/** A fetch that answers /jsz on monitor + i with scene()[i] (no answer for null). */
function fakeFetch(monitor: number, scene: () => Array<JszMeta | null>): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    const i = Number(url.port) - monitor;
    const body = url.pathname === '/jsz' ? scene()[i] : undefined;
    if (!body) throw new TypeError('fetch failed');
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
}

describe('awaitComposeMetaGroup (fake /jsz and compose runner)', () => {
  let ctx: RecordingContext;
  const monitor = 18222;
  beforeAll(async () => {
    ctx = await provisionContext({
      mode: 'docker',
      'nats-type': 'self_hosted_cluster',
      'monitor-port': monitor,
    });
  });
  afterEach(() => {
    ctx.lines.length = 0;
  });

  const wait = (scene: () => Array<JszMeta | null>, calls: string[][], onRestart = (_s: string) => {}) =>
    awaitComposeMetaGroup(ctx, SERVICES, {
      fetch: fakeFetch(monitor, scene),
      compose: async (args) => {
        calls.push(args);
        onRestart(args.at(-1)!);
        return '';
      },
      timeoutMs: 400,
      restartAfterMs: 30,
      intervalMs: 2,
    });

  it.each([
    ['2.9', 'nats-3'],
    ['2.10', 'nats-2'],
  ])('%s formed: returns the leader (%s), restarts nothing', async (v, leader) => {
    const calls: string[][] = [];
    expect(await wait(() => recorded(`${v}-formed`), calls)).toBe(leader);
    expect(calls).toEqual([]);
    expect(ctx.lines.filter((l) => l.startsWith('warn:'))).toEqual([]);
  });

  it('electing, then two of three, then formed: waits without restarting', async () => {
    const calls: string[][] = [];
    const scenes = [recorded('2.10-electing'), recorded('2.10-two-of-three'), recorded('2.10-formed')];
    let polls = 0;
    const leader = await wait(() => scenes[Math.min(2, Math.floor(polls++ / 5))], calls);
    expect(leader).toBe('nats-2');
    expect(calls).toEqual([]);
  });

  it('the 2.10 start race: restarts only the service outside the group, with a warning, then formed', async () => {
    const calls: string[][] = [];
    let healed = false;
    const leader = await wait(
      () => recorded(healed ? '2.10-formed' : '2.10-stuck'),
      calls,
      (service) => {
        healed = service === 'nats-1';
      },
    );
    expect(leader).toBe('nats-2');
    expect(calls).toEqual([['restart', '-t', '10', 'nats-1']]);
    const warnings = ctx.lines.filter((l) => l.startsWith('warn:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('NATS service nats-1: follows nats-2, which does not list it as a peer');
    expect(warnings[0]).toContain('while the other servers formed under meta leader nats-2');
    expect(warnings[0]).toContain('start race of nats-server 2.10.23-2.10.29');
    expect(warnings[0]).toContain(`1 of at most ${MAX_META_RESTARTS}`);
  });

  it('the race as a candidate (no leader, its votes never leave it) while the others formed: restarted too', async () => {
    // The stuck capture with nats-1's meta_cluster replaced by a recorded one without a leader
    // (2.10-electing's first server), as the docker repro saw it (--no-restart: a CANDIDATE for
    // over a minute, absent from the leader's /raftz peer map).
    const candidate = recorded('2.10-stuck');
    candidate[0] = { ...candidate[0]!, meta_cluster: recorded('2.10-electing')[0]!.meta_cluster };
    expect(candidate[0].meta_cluster?.leader).toBeUndefined();
    const calls: string[][] = [];
    let healed = false;
    const leader = await wait(
      () => (healed ? recorded('2.10-formed') : candidate),
      calls,
      (service) => {
        healed = service === 'nats-1';
      },
    );
    expect(leader).toBe('nats-2');
    expect(calls).toEqual([['restart', '-t', '10', 'nats-1']]);
    expect(ctx.lines.filter((l) => l.startsWith('warn:'))[0]).toContain(
      'NATS service nats-1: has no meta leader (electing), for ',
    );
  });

  it('every server electing is a start, not the race: nothing restarted', async () => {
    const calls: string[][] = [];
    const allElecting = recorded('2.10-electing').map(() => recorded('2.10-electing')[0]);
    const err = await wait(() => allElecting, calls).catch((e) => e);
    expect(calls).toEqual([]);
    expect(err.code).toBe('nats_cluster_form');
  });

  it('still outside after two restarts: nats_cluster_form naming the service and why', async () => {
    const calls: string[][] = [];
    const err = await wait(() => recorded('2.10-stuck'), calls).catch((e) => e);
    expect(calls).toEqual(Array.from({ length: MAX_META_RESTARTS }, () => ['restart', '-t', '10', 'nats-1']));
    expect(err).toBeInstanceOf(NatsghError);
    expect(err.code).toBe('nats_cluster_form');
    expect(err.message).toContain('after restarting nats-1, nats-1');
    expect(err.message).toContain('nats-1 is missing from the JetStream meta group');
    expect(err.message).toContain('nats-1 follows nats-2, which does not list it as a peer');
    expect(err.details).toMatchObject({ notMembers: ['nats-1'] });
    expect(err.suggestions.join('\n')).toContain(`-f ${composeFiles(ctx.stateDir).composeFile} logs nats-1`);
  });

  it('a killed server is not the race: no restart, the error names it', async () => {
    const calls: string[][] = [];
    const err = await wait(() => recorded('2.10-node-down'), calls).catch((e) => e);
    expect(calls).toEqual([]);
    expect(err.code).toBe('nats_cluster_form');
    expect(err.message).toContain('nats-3 is missing from the JetStream meta group');
    expect(err.message).toContain('nats-3 does not answer /jsz');
  });

  it('a service outside the group holding memory storage is not restarted', async () => {
    const calls: string[][] = [];
    const stuck = recorded('2.10-stuck');
    stuck[0] = { ...stuck[0]!, memory: 4096 };
    const err = await wait(() => stuck, calls).catch((e) => e);
    expect(calls).toEqual([]);
    expect(err.code).toBe('nats_cluster_form');
    expect(err.message).toContain('not this one: it holds 4096 bytes of JetStream memory storage');
  });

  it('judgeComposeMetaGroup reads service i on monitor port + i', async () => {
    const { judgement } = await judgeComposeMetaGroup(ctx, SERVICES, {
      fetch: fakeFetch(monitor, () => recorded('2.9-two-of-three')),
    });
    expect(judgement.nodes.map((n) => n.detail)).toEqual([
      'is the meta leader, counts 2 of 3 peers',
      'is a member under nats-1, counts 2 of 3 peers',
      'does not answer /jsz',
    ]);
  });
});

describe('docker self_hosted_cluster provisioner (stand-in docker, recorded monitoring answers)', () => {
  let tools: StandIns;
  let ctx: RecordingContext;
  const servers: Server[] = [];
  let healedMark = '';

  beforeAll(async () => {
    const { port, monitor } = await clusterPorts(3);
    tools = createStandIns(['docker']);
    ctx = await provisionContext({
      mode: 'docker',
      'nats-type': 'self_hosted_cluster',
      'nats-port': port,
      'monitor-port': monitor,
    });
    ctx.platform = tools.platform(ctx.platform);
    // The stand-in's `restart nats-1` heals the recorded cluster (as restarting the process does).
    healedMark = join(tools.dir, 'restarted-nats-1');
    const ps = SERVICES.map(
      (s) => `echo '{"Service":"${s}","State":"running","Health":"healthy","Name":"natsgh-default-${s}-1"}'`,
    ).join('\n');
    tools.behave(
      'docker',
      `case "$*" in
  *" ps "*) ${ps} ;;
  *"compose version"*) echo 'Docker Compose version v2.26.1' ;;
  *" restart "*" nats-1") touch '${healedMark}' ;;
esac`,
    );
    for (let i = 0; i < 3; i++) {
      const srv = createServer((req, res) => {
        const body =
          req.url?.startsWith('/healthz') === true
            ? { status: 'ok' }
            : req.url === '/jsz'
              ? recorded(existsSync(healedMark) ? '2.10-formed' : '2.10-stuck')[i]
              : undefined;
        res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body ?? {}));
      });
      await new Promise<void>((r) => srv.listen(monitor + i, '127.0.0.1', r));
      servers.push(srv);
    }
  });
  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    tools?.cleanup();
  });

  it('verify fails while a service is outside the meta group; apply restarts it through docker compose; verify passes', async () => {
    const p = await createProvisioner(ctx.config);
    const v = await p.verify(ctx);
    expect(v).toEqual({
      ok: false,
      reason: expect.stringContaining(
        'JetStream meta group: nats-1 follows nats-2, which does not list it as a peer',
      ),
    });

    const { composeFile } = composeFiles(ctx.stateDir);
    await p.apply(ctx);
    const compose = tools.calls('docker').filter((c) => c[0] === 'compose' && c[5] !== 'ps');
    expect(compose.slice(1).map((c) => c.slice(5))).toEqual([
      ['up', '-d', '--wait', ...SERVICES],
      ['restart', '-t', '10', 'nats-1'],
    ]);
    expect(compose[1].slice(0, 5)).toEqual(['compose', '-p', 'natsgh-default', '-f', composeFile]);
    expect(ctx.lines.some((l) => l.startsWith('warn: NATS service nats-1: follows nats-2'))).toBe(true);
    expect(await p.verify(ctx)).toEqual({ ok: true });
  }, 30_000);
});
