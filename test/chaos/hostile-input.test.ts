// Hostile input against the real processes: a poisoned event in front of a valid
// one for `natsgh controller run`; 200 slow unsigned uploads against
// `natsgh webhook serve` while GitHub's deliveries must still get 202 within 1 s;
// symlinks committed into the checkout `natsgh generate --output-dir` writes to.
// Each scenario injects the attack, then checks the harm it must not do.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishGithubEvent } from '../../src/events/github-publish.js';
import { ensureGithubEventsStream } from '../../src/events/publisher.js';
import { signBody } from '../../src/github/webhook-signature.js';
import { connectNats } from '../../src/nats/connect.js';
import { BIN, parseJson, runCli } from '../support/cli.js';
import { examplePayloads, GithubModel, regenerateDispatch } from '../support/github-model.js';
import { type GithubProxy, startGithubProxy } from '../support/github-proxy.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { createRng } from './random.js';
import { checked, injected, within } from './report.js';

const ORG = 'acme';
const REPO = '.github';
const SECRET = 'whsec-chaos-0123456789';
let nats: TestNatsServer;
let client: NatsConnection;
let stateDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  nats = await startNatsServer();
  client = await connectNats({ servers: [nats.url] });
  await ensureGithubEventsStream(client, { servers: [nats.url] });
  stateDir = mkdtempSync(join(tmpdir(), 'natsgh-chaos-hostile-'));
});

afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
  }
  await client.close();
  await nats.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Spawns the compiled CLI, collecting its output. */
function cli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  return { child, output: () => out };
}

async function until(what: () => string, fn: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const reachable = (url: string) =>
  fetch(url).then(
    (r) => r.status,
    () => 0,
  );

describe('a poisoned event in front of a valid one (natsgh controller run)', () => {
  const model = new GithubModel();
  let proxy: GithubProxy;
  beforeAll(async () => {
    model.listen();
    proxy = await startGithubProxy();
  });
  afterAll(async () => {
    await proxy.close();
    model.close();
  });

  it('terminates the poisoned events, processes the valid one, stays live', async () => {
    const rng = createRng('poisoned-event');
    model.repos.clear();
    model.createRepo(ORG, REPO, { 'README.md': '# acme\n' });
    const port = await freePort();
    const ctl = cli(
      [
        'controller',
        'run',
        '--deployment',
        'hostile',
        '--state-dir',
        stateDir,
        '--nats-url',
        nats.url,
        '--controller-port',
        String(port),
        '--org',
        ORG,
        '--github-api-url',
        proxy.url,
      ],
      { GITHUB_TOKEN: 'ghp_chaosPoisonTokenTokenToken0123456789' },
    );
    const health = `http://127.0.0.1:${port}/healthz`;
    await until(
      () => `controller health\n${ctl.output()}`,
      async () => (await reachable(health)) === 200,
      20_000,
    );
    // Payloads no decision expects, on subjects it must parse: each alone used to kill the loop.
    const push = model.push(ORG, REPO, { 'docs/a.md': 'a\n' });
    const poisons: Array<[string, unknown]> = [
      ['push', { ...push, commits: [null] }],
      ['push', { ...push, commits: [{ message: 7, modified: [42, null, { p: 1 }] }] }],
      ['push', { ...push, commits: 'not an array', repository: { ...push.repository, owner: { login: 5 } } }],
      ['repository_dispatch', { ...regenerateDispatch(ORG, REPO), action: null, client_payload: [1, [2]] }],
      ['workflow_dispatch', { repository: push.repository, inputs: null }],
    ];
    const order = poisons.map((p, i) => ({ p, k: rng.next(), i })).sort((a, b) => a.k - b.k);
    for (const { p, i } of order) {
      await publishGithubEvent(
        client,
        { servers: [nats.url] },
        {
          eventName: p[0],
          payload: Buffer.from(JSON.stringify(p[1])),
          msgId: `poison-${i}`,
          ensureStream: false,
        },
      );
    }
    // Bytes that are not JSON at all, published around natsgh's own publisher.
    const { jetstream } = await import('@nats-io/jetstream');
    await jetstream(client).publish('github.events.acme.=2Egithub.push', new Uint8Array([0xff, 0x00, 0x7b]), {
      msgID: 'poison-bytes',
    });
    injected('poisoned-event', `${poisons.length + 1} malformed events ahead of a valid dispatch`);
    await publishGithubEvent(
      client,
      { servers: [nats.url] },
      {
        eventName: 'repository_dispatch',
        payload: Buffer.from(JSON.stringify(regenerateDispatch(ORG, REPO))),
        msgId: 'valid-after-poison',
        ensureStream: false,
      },
    );
    await until(
      () => `a generated commit\n${ctl.output()}`,
      () => model.log(ORG, REPO).some((c) => /Natsgh-Generated: [0-9a-f]{64}/.test(c.message)),
      30_000,
    );
    expect(await reachable(health)).toBe(200);
    // The commit is visible before the regeneration returns (it still records its event): the
    // event counts as processed a moment later.
    const metrics = () => fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
    await until(
      () => `natsgh_events_processed_total 1 in /metrics\n${ctl.output()}`,
      async () => /natsgh_events_processed_total 1\b/.test(await metrics()),
      10_000,
    );
    expect(await metrics()).toMatch(/natsgh_events_processed_total 1\b/);
    expect(ctl.output()).toContain('terminating delivery poison-bytes');
    checked('poisoned-event', 'the valid dispatch committed once, /healthz 200, the non-JSON one terminated');
  }, 90_000);
});

/** One raw upload: head now, `body` now, then `trickle` bytes every 100 ms until the server closes. */
interface Upload {
  status: Promise<number>;
  closedAfterMs: Promise<number>;
  stop(): void;
}
function slowUpload(port: number, headers: Record<string, string>, body: Buffer, trickle: number): Upload {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  const head = Object.entries({ host: '127.0.0.1', ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.write(`POST /webhook HTTP/1.1\r\n${head}\r\n`);
  socket.write(body);
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(Buffer.alloc(trickle, 'a'));
  }, 100);
  let response = '';
  const status = new Promise<number>((resolve) => {
    socket.on('data', (d) => {
      response += d;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(response);
      if (m) resolve(Number(m[1]));
    });
    socket.on('close', () => resolve(0));
  });
  const closedAfterMs = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    }),
  );
  return {
    status,
    closedAfterMs,
    stop: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

describe('200 slow unsigned uploads (natsgh webhook serve)', () => {
  it('valid deliveries still get 202 within 1 s, and the uploads cannot make it hold their bodies', async () => {
    const rng = createRng('slow-uploads');
    const port = await freePort();
    const srv = cli(['webhook', 'serve', '--port', String(port), '--nats-url', nats.url], {
      NATSGH_WEBHOOK_SECRET: SECRET,
    });
    await until(
      () => `webhook serve\n${srv.output()}`,
      async () => (await reachable(`http://127.0.0.1:${port}/healthz`)) === 200,
      20_000,
    );
    const baseline = rssKb(srv.child.pid!);
    // Half send no signature at all; half a wrong one with a body just under NATS's 1 MB
    // max_payload, sent at once, then never finished.
    const uploads: Upload[] = [];
    const unsigned: Upload[] = [];
    const BODY = 1_000_000;
    for (let i = 0; i < 200; i++) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': `attack-${i}`,
        'content-length': String(BODY),
      };
      if (i % 4 === 0) {
        const u = slowUpload(port, headers, Buffer.alloc(rng.int(1, 4096), 'a'), 16);
        unsigned.push(u);
        uploads.push(u);
        continue;
      }
      headers['x-hub-signature-256'] = `sha256=${'0'.repeat(64)}`;
      uploads.push(slowUpload(port, headers, Buffer.alloc(BODY - rng.int(10, 1000), 'a'), 1));
    }
    injected(
      'slow-uploads',
      '200 unfinished uploads: 50 unsigned, 150 with a wrong signature and ~1 MB sent',
    );
    try {
      await new Promise((r) => setTimeout(r, 2000));
      const payload = examplePayloads('issues')[0];
      for (let i = 0; i < 10; i++) {
        const body = JSON.stringify(payload);
        const started = Date.now();
        const res = await within(
          fetch(`http://127.0.0.1:${port}/webhook`, {
            method: 'POST',
            body,
            headers: {
              'content-type': 'application/json',
              'x-github-event': 'issues',
              'x-github-delivery': `valid-${i}`,
              'x-hub-signature-256': signBody(SECRET, body),
            },
          }),
          5000,
          `valid delivery ${i}`,
        );
        const took = Date.now() - started;
        expect(res.status, `valid delivery ${i}`).toBe(202);
        expect(took, `valid delivery ${i} took ${took} ms`).toBeLessThan(1000);
      }
      const grownMb = (rssKb(srv.child.pid!) - baseline) / 1024;
      // 150 MB were sent towards it; it may buffer at most 16 MB of bodies at once (8 x its 1 MB max_payload).
      expect(grownMb, `webhook serve grew by ${grownMb.toFixed(0)} MB`).toBeLessThan(80);
      // The unsigned ones were answered 401 and closed although they were still sending.
      for (const u of unsigned) {
        expect(await within(u.status, 3000, 'an unsigned upload answered')).toBe(401);
        expect(await within(u.closedAfterMs, 5000, 'an unsigned upload closed')).toBeLessThan(5000);
      }
      checked(
        'slow-uploads',
        `10 valid deliveries got 202 in < 1 s each; RSS grew ${grownMb.toFixed(0)} MB; 50 unsigned answered 401 and closed`,
      );
    } finally {
      for (const u of uploads) u.stop();
    }
  }, 90_000);
});

describe('a symlink escape from the checkout (natsgh generate --output-dir)', () => {
  it('refuses a symlink anywhere on the way to a file it would write, writing nothing anywhere', async () => {
    const rng = createRng('symlink-escape');
    // Where a symlink can be committed: a directory of a generated file, a generated file,
    // the manifest's directory, natsgh.yaml, the template overrides.
    const spots = [
      'profile',
      '.github',
      '.github/ISSUE_TEMPLATE',
      'SECURITY.md',
      '.natsgh',
      'natsgh.yaml',
      'natsgh/templates',
    ];
    const order = [...spots].sort(() => rng.next() - 0.5);
    for (const spot of order) {
      const base = mkdtempSync(join(tmpdir(), 'natsgh-chaos-symlink-'));
      try {
        const victim = join(base, 'victim');
        const checkout = join(base, 'checkout');
        mkdirSync(victim);
        writeFileSync(join(victim, '.bash_login'), 'original\n');
        mkdirSync(join(checkout, spot, '..'), { recursive: true });
        const target = /\.(md|yaml)$/.test(spot) ? join(victim, '.bash_login') : victim;
        symlinkSync(target, join(checkout, spot));
        injected('symlink-escape', `${spot} -> ${target}`);
        const r = await runCli(['generate', '--output-dir', checkout, '--org', ORG, '--json'], {
          env: { GITHUB_TOKEN: '' },
        });
        expect(r.code, `${spot}: ${r.stdout}${r.stderr}`).toBe(1);
        expect(parseJson(r).error.code).toBe('checkout_symlink');
        expect(readdirSync(victim)).toEqual(['.bash_login']);
        expect(readFileSync(join(victim, '.bash_login'), 'utf8')).toBe('original\n');
        checked('symlink-escape', `${spot}: refused, nothing written outside`);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    }
  }, 90_000);
});
