// NATS authentication through the CLI, dev/embedded: the bootstrap generates
// the deployment's credentials, every command (status, events tail, the
// controller it spawns) connects with them, the NATS CLI context works, new
// credentials given to a re-run reconfigure the server, no secret is printed or
// left outside the owner-only files, and teardown --purge removes them.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import { authPaths, readDeploymentCredentials } from '../../src/nats/deployment-auth.js';
import { parseJson, runCli } from '../support/cli.js';
import { createTestDeployment, phaseStatuses, type TestDeployment } from '../support/deployment.js';
import { connectOutcome } from '../support/nats-auth.js';

/** Every file under dir (relative path → text), skipping binary JetStream store files. */
function textFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    if (p.includes(`${join('nats', 'jetstream')}`)) continue;
    out[relative(dir, p)] = readFileSync(p, 'utf8');
  }
  return out;
}

/** Connects the way the nats CLI reads a context (natscontext: user/password, creds, nkey, token; ca, cert/key). */
function specFromContext(file: string): NatsConnectionSpec {
  const c = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return {
    servers: c.url.split(','),
    user: c.user || undefined,
    password: c.user ? c.password : undefined,
    credsFile: !c.user ? c.creds || undefined : undefined,
    nkeyFile: !c.user && !c.creds ? c.nkey || undefined : undefined,
    token: c.token || undefined,
    tls: c.ca || c.cert ? { ca: c.ca, cert: c.cert, key: c.key } : undefined,
    jetstreamDomain: c.jetstream_domain || undefined,
  };
}

describe('NATS authentication through the CLI (dev/embedded)', () => {
  let d: TestDeployment;
  beforeAll(async () => {
    d = await createTestDeployment();
  });
  afterAll(async () => {
    await d?.cleanup();
  });

  it('bootstrap generates credentials that every command uses; status reports the NATS CLI context', async () => {
    const { r, doc } = await d.bootstrap(['--org', 'acme']);
    expect(r.code, r.stderr).toBe(0);
    expect(doc.ok).toBe(true);
    const creds = readDeploymentCredentials(d.stateDir, 'default')!;
    expect(creds).toMatchObject({ origin: 'generated', user: 'natsgh' });
    const url = `nats://127.0.0.1:${d.natsPort}`;
    expect(await connectOutcome({ servers: [url] })).toBe('nats_auth');

    const status = parseJson(await d.run(['status', '--json']));
    const context = authPaths(d.stateDir, 'default').context;
    expect(status).toMatchObject({ nats: { healthy: true, context }, controller: { healthy: true } });
    expect(statSync(context).mode & 0o777).toBe(0o600);
    const doc2 = JSON.parse(readFileSync(context, 'utf8'));
    expect(doc2).toEqual({
      description: 'natsgh deployment default (dev/embedded)',
      url,
      user: 'natsgh',
      password: creds.password,
    });
    // What `nats --context <file> kv ls` does: connect with the context, list the KV buckets.
    const nc = await connectNats(specFromContext(context));
    try {
      const { Kvm } = await import('@nats-io/kv');
      const names: string[] = [];
      for await (const s of new Kvm(nc).list()) names.push(s.bucket);
      expect(names).toEqual(expect.arrayContaining(['natsgh_checkpoints', 'natsgh_locks']));
    } finally {
      await nc.close();
    }

    const tail = await runCli(
      [
        'events',
        'tail',
        '--since',
        '1',
        '--max',
        '1',
        '--json',
        '--state-dir',
        d.stateDir,
        '--nats-port',
        String(d.natsPort),
      ],
      { cwd: d.dir, env: { CI: '1' } },
    );
    expect(tail.code, tail.stderr).toBe(0);
    expect(JSON.parse(tail.stdout.trim().split('\n')[0])).toHaveProperty('type');

    // No secret outside the owner-only files: not in output, journal, logs, events queue, argv.
    const secret = creds.password!;
    const allowed = new Set([
      relative(d.stateDir, authPaths(d.stateDir, 'default').credentials),
      relative(d.stateDir, context),
      join('nats', 'server.conf'),
    ]);
    for (const [file, text] of Object.entries(textFiles(d.stateDir))) {
      if (!allowed.has(file)) expect(text.includes(secret), file).toBe(false);
    }
    for (const out of [r.stdout, r.stderr, tail.stdout, tail.stderr, JSON.stringify(status)]) {
      expect(out).not.toContain(secret);
    }
    for (const cmd of await d.processes()) expect(cmd).not.toContain(secret);

    // The state dir inside a repository: `git add -A` takes none of it (server.conf holds the password).
    const git = (...args: string[]) => execFileSync('git', ['-C', d.dir, ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    expect(
      git('ls-files')
        .split('\n')
        .filter((f) => f.startsWith('state/')),
    ).toEqual([]);
  });

  it('status and unlock name refused credentials instead of calling a running server unreachable', async () => {
    const wrong = { NATSGH_NATS_USER: 'natsgh', NATSGH_NATS_PASSWORD: 'not-the-password-123' };
    const status = parseJson(await d.run(['status', '--json'], wrong));
    expect(status.nats.healthy).toBe(false);
    expect(status.nats.reason).toMatch(/authoriz|credential/i);
    expect(JSON.stringify(status)).not.toContain(wrong.NATSGH_NATS_PASSWORD);
    // The recorded settings say where NATS runs: only the state dir is given.
    const unlock = parseJson(
      await runCli(['unlock', '--json', '--state-dir', d.stateDir], {
        cwd: d.dir,
        env: { CI: '1', ...wrong },
      }),
    );
    const kv = unlock.locks.find((l: { lock: string }) => l.lock === 'kv');
    expect(kv.reason).toMatch(/authoriz|credential/i);
  });

  it('a re-run with new credentials reconfigures the server; later commands use them without being told', async () => {
    const before = d.pids();
    const old = readDeploymentCredentials(d.stateDir, 'default')!;
    const password = 'rotated-password-0123456789';
    const { r, doc } = await d.bootstrap(['--org', 'acme'], {
      NATSGH_NATS_USER: 'ops',
      NATSGH_NATS_PASSWORD: password,
    });
    expect(r.code, r.stderr).toBe(0);
    const s = phaseStatuses(doc);
    expect(s['provision-nats']).toBe('done');
    expect(s['deploy-controller']).toBe('done');
    expect(d.pids().server).not.toBe(before.server);
    expect(r.stdout + r.stderr).not.toContain(password);
    expect(readDeploymentCredentials(d.stateDir, 'default')).toMatchObject({ origin: 'given', user: 'ops' });

    const servers = [`nats://127.0.0.1:${d.natsPort}`];
    expect(await connectOutcome({ servers, user: old.user, password: old.password })).toBe('nats_auth');
    expect(await connectOutcome({ servers, user: 'ops', password })).toBe('connected');

    // No flags, no env: status finds the credentials in the state dir, and the controller reconnected with them.
    const status = parseJson(await d.run(['status', '--json']));
    expect(status).toMatchObject({ nats: { healthy: true }, controller: { healthy: true } });
    expect(JSON.parse(readFileSync(status.nats.context, 'utf8'))).toMatchObject({ user: 'ops', password });

    // A plain re-run keeps them: nothing to do.
    const again = await d.bootstrap(['--org', 'acme']);
    for (const p of again.doc.phases) expect(p.status, p.id).toBe('skipped');
  });

  it('deleting the credentials file and re-running generates new ones and reconfigures the server', async () => {
    const paths = authPaths(d.stateDir, 'default');
    const before = readDeploymentCredentials(d.stateDir, 'default')!;
    rmSync(paths.credentials);
    const { r, doc } = await d.bootstrap(['--org', 'acme']);
    expect(r.code, r.stderr).toBe(0);
    expect(phaseStatuses(doc)['provision-nats']).toBe('done');
    const after = readDeploymentCredentials(d.stateDir, 'default')!;
    expect(after).toMatchObject({ origin: 'generated', user: 'natsgh' });
    expect(after.password).not.toBe(before.password);
    const servers = [`nats://127.0.0.1:${d.natsPort}`];
    expect(await connectOutcome({ servers, user: before.user, password: before.password })).toBe('nats_auth');
    const status = parseJson(await d.run(['status', '--json']));
    expect(status).toMatchObject({ nats: { healthy: true }, controller: { healthy: true } });
  });

  it('teardown --purge removes the credentials and the context', async () => {
    const paths = authPaths(d.stateDir, 'default');
    expect(existsSync(paths.credentials)).toBe(true);
    const down = await d.run(['teardown', '--yes', '--purge', '--json']);
    expect(down.code, down.stderr).toBe(0);
    expect(existsSync(paths.credentials)).toBe(false);
    expect(existsSync(paths.context)).toBe(false);
  });
});

describe('NATS CLI context with TLS (dev/embedded, --tls generate --tls-verify)', () => {
  let d: TestDeployment;
  beforeAll(async () => {
    d = await createTestDeployment();
  });
  afterAll(async () => {
    await d?.cleanup();
  });

  it('names the CA and the client certificate, and connects over mTLS with the credentials', async () => {
    const { r, doc } = await d.bootstrap(['--org', 'acme', '--tls', 'generate', '--tls-verify']);
    expect(r.code, r.stderr).toBe(0);
    expect(doc.ok).toBe(true);
    const status = parseJson(
      await d.run(['status', '--json'], { NATSGH_TLS: 'generate', NATSGH_TLS_VERIFY: 'true' }),
    );
    expect(status.nats.healthy).toBe(true);
    const context = JSON.parse(readFileSync(status.nats.context, 'utf8'));
    const tlsDir = join(d.stateDir, 'tls');
    expect(context).toMatchObject({
      url: `tls://127.0.0.1:${d.natsPort}`,
      user: 'natsgh',
      ca: join(tlsDir, 'ca.pem'),
      cert: join(tlsDir, 'client.pem'),
      key: join(tlsDir, 'client-key.pem'),
    });
    const spec = specFromContext(status.nats.context);
    expect(await connectOutcome(spec)).toBe('connected');
    // The client certificate alone does not let a client in: the credentials are required too.
    expect(await connectOutcome({ ...spec, user: undefined, password: undefined })).toBe('nats_auth');
  });
});
