import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phaseEvent, terraformStateEvent } from '../../src/events/builders.js';
import { createEventPublisher } from '../../src/events/publisher.js';
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import { STREAM_GITHUB_EVENTS } from '../../src/nats/names.js';
import { BIN, parseJson, runCli } from '../support/cli.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: any[] }>;
const example = (name: string) => structuredClone(examples.find((e) => e.name === name)!.examples[0]);

/** No GitHub Actions variables leak in from the environment running the tests. */
const CLEAN_ENV = { GITHUB_EVENT_NAME: '', GITHUB_EVENT_PATH: '', GITHUB_RUN_ID: '', GITHUB_RUN_ATTEMPT: '' };

interface Tail {
  ready: Promise<void>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  kill(sig: NodeJS.Signals): void;
}

function startTail(args: string[]): Tail {
  const child = spawn(process.execPath, [BIN, 'events', 'tail', ...args], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    if (stderr.includes('following ')) onReady();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`events tail did not stop\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      onReady();
      resolve({ code, stdout, stderr });
    });
  });
  return { ready, done, kill: (sig) => child.kill(sig) };
}

describe('natsgh events (CLI)', () => {
  let server: TestNatsServer;
  let nc: NatsConnection;
  let spec: NatsConnectionSpec;
  let dir: string;

  beforeAll(async () => {
    server = await startNatsServer();
    spec = { servers: [server.url] };
    nc = await connectNats(spec);
    dir = mkdtempSync(join(tmpdir(), 'natsgh-events-cli-'));
  });
  afterAll(async () => {
    await nc?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a real push payload of a .github repo on its subject once, even when run twice', async () => {
    const payload = example('push');
    payload.repository.name = '.github';
    payload.repository.full_name = 'Octo-Org/.github';
    payload.repository.owner.login = 'Octo-Org';
    const file = join(dir, 'push.json');
    writeFileSync(file, JSON.stringify(payload));
    const env = { ...CLEAN_ENV, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file, GITHUB_RUN_ATTEMPT: '1' };
    const args = ['events', 'publish', '--nats-url', server.url, '--run-id', '777', '--json'];
    const first = await runCli(args, { env });
    expect(first.code, first.stderr).toBe(0);
    const r1 = parseJson(first);
    expect(r1).toMatchObject({ subject: 'github.events.octo-org.=2Egithub.push', duplicate: false });
    const second = await runCli(args, { env });
    expect(second.code, second.stderr).toBe(0);
    expect(parseJson(second)).toMatchObject({ subject: r1.subject, seq: r1.seq, duplicate: true });

    const { jetstream } = await import('@nats-io/jetstream');
    const c = await jetstream(nc).consumers.get(STREAM_GITHUB_EVENTS, { filter_subjects: r1.subject });
    const m = await c.next({ expires: 2000 });
    expect(m?.headers?.get('X-GitHub-Event')).toBe('push');
    expect(m?.headers?.get('Nats-Msg-Id')).toBe('777-1-push');
    expect(m?.json<any>().repository.name).toBe('.github');
    expect(await c.next({ expires: 1000 })).toBeNull();
  });

  it('routes an organization event (no repository) by organization.login', async () => {
    const file = join(dir, 'org.json');
    writeFileSync(file, JSON.stringify(example('organization')));
    const r = await runCli(
      [
        'events',
        'publish',
        '--nats-url',
        server.url,
        '--event-name',
        'organization',
        '--event-path',
        file,
        '--run-id',
        '9',
        '--run-attempt',
        '2',
      ],
      { env: CLEAN_ENV },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('github.events.octocoders.=2A.organization');
  });

  it('exits 2 naming the flag and the env var when the run id is missing', async () => {
    const file = join(dir, 'push2.json');
    writeFileSync(file, JSON.stringify(example('push')));
    const r = await runCli(
      ['events', 'publish', '--nats-url', server.url, '--event-name', 'push', '--event-path', file, '--json'],
      { env: { ...CLEAN_ENV, GITHUB_RUN_ATTEMPT: '1' } },
    );
    expect(r.code).toBe(2);
    const doc = parseJson(r);
    expect(doc.error.message).toContain('--run-id');
    expect(doc.error.message).toContain('GITHUB_RUN_ID');
  });

  it('tail --json shows events published while it runs, one JSON object per line', async () => {
    const tail = startTail(['--nats-url', server.url, '--deployment', 'live', '--json', '--max', '3']);
    await tail.ready;
    const p = createEventPublisher({ stateDir: dir, deployment: 'live', source: 'test' });
    await p.attach(nc, spec);
    await p.publish(
      phaseEvent({ deployment: 'live', runId: 'r1', phaseId: 'provision-nats', transition: 'started' }),
    );
    await p.publish(
      phaseEvent({
        deployment: 'live',
        runId: 'r1',
        phaseId: 'provision-nats',
        transition: 'done',
        durationMs: 42,
      }),
    );
    await p.publish(
      terraformStateEvent({
        deployment: 'live',
        runId: 'r1',
        serial: 3,
        lineage: 'abc',
        resourceCount: 2,
        outputsDigest: 'f'.repeat(64),
        action: 'apply',
      }),
    );
    await p.close();
    const { code, stdout } = await tail.done;
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.id])).toEqual([
      ['phase', 'r1.provision-nats.started'],
      ['phase', 'r1.provision-nats.done'],
      ['terraform', 'live.terraform.default.abc.3.apply'],
    ]);
    expect(lines[1].message).toMatchObject({ transition: 'PHASE_TRANSITION_DONE', duration_ms: 42 });
  });

  it('tail --since 1 --type prints readable lines of the chosen types and stops when idle', async () => {
    const tail = startTail([
      '--nats-url',
      server.url,
      '--deployment',
      'live',
      '--since',
      '1',
      '--type',
      'terraform',
      '--idle-exit',
      '1s',
    ]);
    const { code, stdout } = await tail.done;
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/live\s+terraform\s+apply workspace default serial 3 lineage abc 2 resource/);
  });

  it('tail prints what others published as one escaped line, and redacts secret shapes in --json', async () => {
    // Anyone who may publish on natsgh.events.* wrote these fields: a reason carrying a
    // terminal escape (retitling the terminal), a forged second line and a token.
    const token = `ghp_${'A1b2'.repeat(9)}`;
    const reason = `\u001b]0;owned\u0007\u001b[2Jfailed\nnatsgh: all good ${token}`;
    const publishHostile = async (deployment: string) => {
      const p = createEventPublisher({ stateDir: dir, deployment, source: 'test' });
      await p.attach(nc, spec);
      await p.publish(
        phaseEvent({
          deployment,
          runId: `r-${deployment}`,
          phaseId: 'validate',
          transition: 'failed',
          reason,
        }),
      );
      await p.close();
    };
    const human = startTail(['--nats-url', server.url, '--deployment', 'hostile', '--max', '1']);
    await human.ready;
    await publishHostile('hostile');
    const printed = (await human.done).stdout;
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(printed.trim().split('\n')).toHaveLength(1);
    expect(printed).toContain('\\u001b]0;owned\\u0007');
    expect(printed).toContain('failed\\nnatsgh: all good [REDACTED:github-token]');

    const json = startTail(['--nats-url', server.url, '--deployment', 'hostile2', '--json', '--max', '1']);
    await json.ready;
    await publishHostile('hostile2');
    const line = (await json.done).stdout.trim();
    expect(line).not.toContain(token);
    expect(JSON.parse(line).message.reason).toBe(
      '\u001b]0;owned\u0007\u001b[2Jfailed\nnatsgh: all good [REDACTED:github-token]',
    );
  });

  it('tail exits 0 on SIGTERM', async () => {
    const tail = startTail(['--nats-url', server.url, '--deployment', 'quiet']);
    await tail.ready;
    tail.kill('SIGTERM');
    expect((await tail.done).code).toBe(0);
  });
});
