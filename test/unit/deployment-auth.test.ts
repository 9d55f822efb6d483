// The deployment's NATS credentials: when they are generated, kept or replaced,
// when a command's resolved config gets them, how they are fingerprinted, and
// the NATS CLI context document.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import {
  authPaths,
  credentialsFingerprint,
  ensureDeploymentCredentials,
  natsContextDocument,
  readDeploymentCredentials,
} from '../../src/nats/deployment-auth.js';
import { redact } from '../../src/redact.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function config(flags: Record<string, unknown> = {}, stateDir?: string) {
  const dir = stateDir ?? mkdtempSync(join(tmpdir(), 'natsgh-auth-unit-'));
  if (!stateDir) dirs.push(dir);
  return resolveConfig({ noFile: true, env: {}, flags: { 'state-dir': dir, ...flags } });
}

describe('deployment credentials', () => {
  it('are none when the state dir is missing or lies under a plain file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-auth-unit-'));
    dirs.push(dir);
    expect(readDeploymentCredentials(join(dir, 'missing'), 'default')).toBeUndefined();
    writeFileSync(join(dir, 'plain-file'), '');
    expect(readDeploymentCredentials(join(dir, 'plain-file', 'state'), 'default')).toBeUndefined();
  });

  it('are generated once, kept on re-run, and replaced by credentials the user gives', async () => {
    const { config: c } = await config();
    const first = await ensureDeploymentCredentials(c);
    expect(first).toMatchObject({ origin: 'generated', user: 'natsgh' });
    expect(statSync(authPaths(c.stateDir, 'default').credentials).mode & 0o777).toBe(0o600);
    expect(await ensureDeploymentCredentials(c)).toEqual(first);
    // Once stored, they are what the next command's resolved config carries.
    const again = await config({}, c.stateDir);
    expect(again.config.nats).toMatchObject({ user: 'natsgh', password: first.password });
    expect(again.sources['nats.password']).toBe('derived');
    expect(await ensureDeploymentCredentials(again.config)).toEqual(first);
    // A secret read from the file is redacted wherever it would be printed.
    expect(redact(`x ${first.password} y`)).toBe('x [REDACTED] y');

    const given = await config({ 'nats-user': 'ops', 'nats-password': 'ops-password-1' }, c.stateDir);
    expect(given.sources['nats.user']).toBe('flag:--nats-user');
    const replaced = await ensureDeploymentCredentials(given.config);
    expect(replaced).toMatchObject({ origin: 'given', user: 'ops', password: 'ops-password-1' });
    // Route credentials and the fingerprint salt outlive a change of client credentials.
    expect(replaced.routes).toEqual(first.routes);
    expect(credentialsFingerprint(replaced)).not.toBe(credentialsFingerprint(first));
    expect(credentialsFingerprint(replaced)).toMatch(/^[0-9a-f]{16}$/);
    expect(credentialsFingerprint(replaced)).toBe(
      credentialsFingerprint(readDeploymentCredentials(c.stateDir, 'default')!),
    );
  });

  it('are fed only for a server natsgh runs, only when the user gave none, and never to a remote --nats-url', async () => {
    const { config: c } = await config();
    const stored = await ensureDeploymentCredentials(c);
    const cases: Array<[Record<string, unknown>, string | undefined]> = [
      [{}, stored.password],
      [{ 'nats-type': 'self_hosted_cluster' }, stored.password],
      [{ 'nats-type': 'hybrid', 'hub-url': 'nats-leaf://hub:7422' }, stored.password],
      [{ mode: 'docker', 'nats-type': 'self_hosted' }, stored.password],
      [{ 'nats-url': 'nats://127.0.0.1:4222' }, stored.password],
      [{ 'nats-type': 'self_hosted', 'nats-url': 'nats://127.0.0.1:4222' }, undefined],
      [{ 'nats-type': 'synadia' }, undefined],
      [{ 'nats-url': 'nats://nats.example.com:4222' }, undefined],
      [{ 'nats-token': 'the-users-token' }, undefined],
    ];
    for (const [flags, password] of cases) {
      const r = await config(flags, c.stateDir);
      expect(r.config.nats.password, JSON.stringify(flags)).toBe(password);
    }
  });

  it('a corrupt credentials file is a bootstrap error naming the file and what to do, and stops no other command', async () => {
    const { config: c } = await config();
    await ensureDeploymentCredentials(c);
    const file = authPaths(c.stateDir, 'default').credentials;
    writeFileSync(file, '{"version":1');
    // teardown and status still resolve their configuration (without credentials)
    expect((await config({}, c.stateDir)).config.nats.password).toBeUndefined();
    await expect(ensureDeploymentCredentials(c)).rejects.toMatchObject({
      code: 'nats_credentials_invalid',
      exit: 2,
      suggestions: [expect.stringContaining(`Delete ${file}`)],
    });
  });

  it('are never picked up by git in a state dir inside a repository (`git add -A` would commit them)', async () => {
    const { execFileSync } = await import('node:child_process');
    const repo = mkdtempSync(join(tmpdir(), 'natsgh-auth-repo-'));
    dirs.push(repo);
    execFileSync('git', ['init', '-q', repo]);
    const { config: c } = await config({}, join(repo, '.natsgh'));
    await ensureDeploymentCredentials(c);
    const { writeNatsContext } = await import('../../src/nats/deployment-auth.js');
    await writeNatsContext(c.stateDir, 'default', { servers: ['nats://127.0.0.1:4222'], description: 'd' });
    const untracked = execFileSync('git', ['-C', repo, 'status', '--porcelain', '--untracked-files=all'], {
      encoding: 'utf8',
    });
    expect(untracked).not.toMatch(/credentials\.json|nats-context\.json/);
  });

  it('a user without a password is refused for a server natsgh runs', async () => {
    const { config: c } = await config({ 'nats-user': 'ops' });
    await expect(ensureDeploymentCredentials(c)).rejects.toMatchObject({ code: 'nats_auth_incomplete' });
  });
});

describe('NATS CLI context', () => {
  it('uses the natscontext field names, one kind of auth, and TLS files', () => {
    expect(
      natsContextDocument({
        description: 'd',
        servers: ['tls://127.0.0.1:1', 'tls://127.0.0.1:2'],
        user: 'natsgh',
        password: 'pw',
        token: 'ignored',
        tls: { ca: '/t/ca.pem', cert: '/t/c.pem', key: '/t/k.pem' },
        jetstreamDomain: 'edge',
      }),
    ).toEqual({
      description: 'd',
      url: 'tls://127.0.0.1:1,tls://127.0.0.1:2',
      user: 'natsgh',
      password: 'pw',
      ca: '/t/ca.pem',
      cert: '/t/c.pem',
      key: '/t/k.pem',
      jetstream_domain: 'edge',
    });
    expect(natsContextDocument({ description: 'd', servers: ['u'], credsFile: '/c.creds' })).toEqual({
      description: 'd',
      url: 'u',
      creds: '/c.creds',
    });
    expect(natsContextDocument({ description: 'd', servers: ['u'], nkeyFile: '/u.nk' })).toMatchObject({
      nkey: '/u.nk',
    });
    expect(natsContextDocument({ description: 'd', servers: ['u'], token: 't' })).toMatchObject({
      token: 't',
    });
  });
});
