// The doctor's NATS-side checks against real files, real sockets and a real nats-server.
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeUser, fmtCreds } from '@nats-io/jwt';
import { createAccount, createUser } from '@nats-io/nkeys';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portsCheck, stateDirCheck } from '../../../src/doctor/checks/local.js';
import { credsCheck, natsUrlCheck, tlsCheck } from '../../../src/doctor/checks/nats.js';
import { freePort, startNatsServer, type TestNatsServer } from '../../support/nats-server.js';
import { testConfig, testContext } from '../../unit/doctor/standins.js';

const DAY = 86_400_000;
let dir: string;
let js: TestNatsServer;
let noJs: TestNatsServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'natsgh-doctor-'));
  [js, noJs] = await Promise.all([startNatsServer(), startNatsServer({ jetstream: false })]);
});
afterAll(async () => {
  await Promise.all([js?.stop(), noJs?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

async function writeCreds(name: string, expSeconds?: number, mode = 0o600): Promise<string> {
  const account = createAccount();
  const user = createUser();
  const jwt = await encodeUser('doctor-user', user, account, {}, expSeconds ? { exp: expSeconds } : {});
  const file = join(dir, name);
  writeFileSync(file, fmtCreds(jwt, user));
  chmodSync(file, mode);
  return file;
}

describe('creds check', () => {
  it('accepts a private, valid creds file and reports the fingerprint, never the seed', async () => {
    const file = await writeCreds('good.creds');
    const r = await credsCheck.run(
      testContext(await testConfig({ SYNADIA_CREDS_FILE: file }), { natsType: 'synadia' }),
    );
    expect(r.status).toBe('ok');
    expect(r.message).toMatch(/fingerprint [0-9a-f]{16}/);
    expect(r.message).toContain('never expires');
    expect(r.message).not.toMatch(/SU[A-Z2-7]{50}/);
  });

  it('warns when the file is readable by others and says chmod 600', async () => {
    const file = await writeCreds('open.creds', undefined, 0o644);
    const r = await credsCheck.run(
      testContext(await testConfig({ SYNADIA_CREDS_FILE: file }), { natsType: 'synadia' }),
    );
    expect(r.status).toBe('warn');
    expect(r.message).toContain('mode 0644');
    expect(r.hint).toBe(`chmod 600 '${file}'`);
  });

  it('fails expired creds, warns soon-expiring ones (by the injected clock)', async () => {
    const now = Date.now();
    const file = await writeCreds('expiring.creds', Math.floor((now + 3 * DAY) / 1000));
    const config = await testConfig({ SYNADIA_CREDS_FILE: file });
    const soon = await credsCheck.run(testContext(config, { natsType: 'synadia', deps: { now: () => now } }));
    expect(soon.status).toBe('warn');
    expect(soon.message).toMatch(/expires in (2|3) days/);
    const later = await credsCheck.run(
      testContext(config, { natsType: 'synadia', deps: { now: () => now + 4 * DAY } }),
    );
    expect(later.status).toBe('fail');
    expect(later.message).toContain('expired');
  });

  it('fails a missing, unreadable or garbled file, and synadia without any creds', async () => {
    const none = await credsCheck.run(testContext(await testConfig(), { natsType: 'synadia' }));
    expect(none).toMatchObject({ status: 'fail' });
    expect(none.hint).toContain('SYNADIA_CREDS_FILE');
    const missing = await credsCheck.run(
      testContext(await testConfig({ SYNADIA_CREDS_FILE: join(dir, 'nope.creds') }), { natsType: 'synadia' }),
    );
    expect(missing.message).toMatch(/cannot be read \(ENOENT\)/);
    const garbled = join(dir, 'garbled.creds');
    writeFileSync(garbled, 'not a creds file', { mode: 0o600 });
    const bad = await credsCheck.run(
      testContext(await testConfig({ SYNADIA_CREDS_FILE: garbled }), { natsType: 'synadia' }),
    );
    expect(bad.status).toBe('fail');
    expect(bad.message).toContain('BEGIN NATS USER JWT');
    expect(credsCheck.appliesTo(testContext(await testConfig(), { natsType: 'embedded' }))).toMatch(
      /no creds file/,
    );
  });
});

interface Pem {
  cert: string;
  key: string;
}

function makeCert(cn: string, opts: { issuer?: Pem; notBefore: Date; notAfter: Date; ca?: boolean }): Pem {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = String(Math.floor(Math.random() * 1e9) + 1);
  cert.validity.notBefore = opts.notBefore;
  cert.validity.notAfter = opts.notAfter;
  cert.setSubject([{ name: 'commonName', value: cn }]);
  const issuer = opts.issuer ? forge.pki.certificateFromPem(opts.issuer.cert) : undefined;
  cert.setIssuer(issuer ? issuer.subject.attributes : [{ name: 'commonName', value: cn }]);
  cert.setExtensions([{ name: 'basicConstraints', cA: Boolean(opts.ca) }]);
  cert.sign(forge.pki.privateKeyFromPem(opts.issuer?.key ?? keyPem), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keyPem };
}

describe('tls check', () => {
  const now = Date.now();
  let files: Record<string, string>;
  beforeAll(() => {
    const ca = makeCert('natsgh test CA', {
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
      ca: true,
    });
    const client = makeCert('client', {
      issuer: ca,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 90 * DAY),
    });
    const expired = makeCert('old', {
      issuer: ca,
      notBefore: new Date(now - 30 * DAY),
      notAfter: new Date(now - DAY),
    });
    files = {};
    for (const [name, text] of Object.entries({
      'ca.pem': ca.cert,
      'client.pem': client.cert,
      'client.key': client.key,
      'old.pem': expired.cert,
      'old.key': expired.key,
    })) {
      files[name] = join(dir, name);
      writeFileSync(files[name], text, { mode: 0o600 });
    }
  });

  const ctxFor = async (env: NodeJS.ProcessEnv) => testContext(await testConfig(env));

  it('accepts a CA, a client cert and its key', async () => {
    const r = await tlsCheck.run(
      await ctxFor({
        NATSGH_TLS_CA: files['ca.pem'],
        NATSGH_TLS_CERT: files['client.pem'],
        NATSGH_TLS_KEY: files['client.key'],
      }),
    );
    expect(r.status).toBe('ok');
    expect(r.message).toContain('matches its key');
  });

  it('fails a key that does not match, an expired cert, an unreadable file and a cert without key', async () => {
    const mismatch = await tlsCheck.run(
      await ctxFor({ NATSGH_TLS_CERT: files['client.pem'], NATSGH_TLS_KEY: files['old.key'] }),
    );
    expect(mismatch.status).toBe('fail');
    expect(mismatch.message).toContain('does not match');
    const expired = await tlsCheck.run(
      await ctxFor({ NATSGH_TLS_CERT: files['old.pem'], NATSGH_TLS_KEY: files['old.key'] }),
    );
    expect(expired.status).toBe('fail');
    expect(expired.message).toContain('expired on');
    const unreadable = await tlsCheck.run(await ctxFor({ NATSGH_TLS_CA: join(dir, 'missing-ca.pem') }));
    expect(unreadable.message).toContain('ENOENT');
    expect(unreadable.hint).toContain('--tls-ca');
    const half = await tlsCheck.run(await ctxFor({ NATSGH_TLS_CERT: files['client.pem'] }));
    expect(half.status).toBe('fail');
    expect(half.hint).toContain('--tls-key');
    const notPem = await tlsCheck.run(
      await ctxFor({ NATSGH_TLS_CERT: files['client.key'], NATSGH_TLS_KEY: files['client.key'] }),
    );
    expect(notPem.status).toBe('fail');
    expect(JSON.stringify(notPem)).not.toContain('PRIVATE KEY');
    expect(notPem.message).toContain(`${files['client.key']} is not a PEM certificate`);
    expect(notPem.hint).toBe('--tls-cert (NATSGH_TLS_CERT) must be the client certificate in PEM form.');
    const caNotPem = await tlsCheck.run(await ctxFor({ NATSGH_TLS_CA: files['client.key'] }));
    expect(caNotPem.status).toBe('fail');
    expect(caNotPem.message).toContain(`${files['client.key']} is not a PEM certificate`);
    expect(caNotPem.hint).toBe('--tls-ca (NATSGH_TLS_CA) must be the CA certificate in PEM form.');
  });
});

describe('nats-url check', () => {
  it('reports RTT and JetStream on a real server', async () => {
    const config = await testConfig({ NATSGH_NATS_URL: js.url });
    const r = await natsUrlCheck.run(testContext(config, { natsType: 'self_hosted' }));
    expect(r.status).toBe('ok');
    expect(r.message).toMatch(/RTT \d+\.\d ms; JetStream enabled/);
  });

  it('fails a server without JetStream, and a refused port', async () => {
    const off = await natsUrlCheck.run(
      testContext(await testConfig({ NATSGH_NATS_URL: noJs.url }), { natsType: 'self_hosted' }),
    );
    expect(off.status).toBe('fail');
    expect(off.message).toContain('JetStream is not available');
    const port = await freePort();
    const refused = await natsUrlCheck.run(
      testContext(await testConfig({ NATSGH_NATS_URL: `nats://127.0.0.1:${port}` }), {
        natsType: 'self_hosted',
      }),
    );
    expect(refused.status).toBe('fail');
    expect(refused.message).toMatch(/not reachable|could not connect/);
  });

  it('reads a connect timeout as the mTLS-without-client-certificate symptom', async () => {
    // A listener that never greets: what a client without the required certificate sees.
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = silent.address() as { port: number };
      const config = await testConfig({ NATSGH_NATS_URL: `tls://127.0.0.1:${port}` });
      const r = await natsUrlCheck.run(testContext(config, { natsType: 'self_hosted' }));
      expect(r.status).toBe('fail');
      expect(r.message).toContain('timed out');
      expect(r.hint).toMatch(/mTLS.*--tls-cert and --tls-key/);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('skips when natsgh starts the server itself', async () => {
    expect(natsUrlCheck.appliesTo(testContext(await testConfig(), { natsType: 'embedded' }))).toMatch(
      /starts/,
    );
  });
});

describe('ports and state dir', () => {
  let blocker: Server;
  let blocked: number;
  const sockets = new Set<import('node:net').Socket>();
  beforeAll(async () => {
    blocked = await freePort();
    // A listener that accepts and never answers, like a program that is not natsgh's.
    blocker = createServer((socket) => sockets.add(socket));
    await new Promise<void>((r) => blocker.listen(blocked, '127.0.0.1', () => r()));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => blocker.close(() => r()));
  });

  it('fails a port held by another program with how to find it, and recognises a NATS server', async () => {
    const free = await freePort();
    const env = {
      NATSGH_NATS_PORT: String(js.port),
      NATSGH_MONITOR_PORT: String(free),
      NATSGH_CONTROLLER_PORT: String(blocked),
    };
    const r = await portsCheck.run(testContext(await testConfig(env), { mode: 'dev', natsType: 'embedded' }));
    expect(r.status).toBe('fail');
    // The holder is named (the blocker listens in this test's own process), and a NATS server is recognised.
    expect(r.message).toContain(`controller port ${blocked} is in use by pid ${process.pid}`);
    expect(r.message).toContain(
      `client port of natsgh-default ${js.port} is in use by pid ${js.process.pid}`,
    );
    expect(r.message).toContain("a NATS server that is not this deployment's");
    expect(r.hint).toContain(`stop pid ${process.pid}`);
    expect(r.hint).toContain('NATSGH_CONTROLLER_PORT');
    const reuse = await portsCheck.run(
      testContext(await testConfig({ ...env, NATSGH_CONTROLLER_PORT: String(await freePort()) }), {
        mode: 'dev',
      }),
    );
    // A NATS server that is not this deployment's is no longer taken for one an earlier run started:
    // doctor tells it from this deployment's own (port planning) and fails, naming it and the flag.
    expect(reuse.status).toBe('fail');
    expect(reuse.message).toContain(`${js.port} is in use by pid ${js.process.pid} (nats-server)`);
    expect(reuse.message).toContain("a NATS server that is not this deployment's");
    expect(reuse.hint).toContain('NATSGH_NATS_PORT');
  });

  it('passes free ports, and is skipped in kubernetes mode', async () => {
    const env = {
      NATSGH_NATS_PORT: String(await freePort()),
      NATSGH_MONITOR_PORT: String(await freePort()),
      NATSGH_CONTROLLER_PORT: String(await freePort()),
    };
    const r = await portsCheck.run(testContext(await testConfig(env), { mode: 'dev' }));
    expect(r.status).toBe('ok');
    expect(portsCheck.appliesTo(testContext(await testConfig(), { mode: 'kubernetes' }))).toMatch(
      /inside the cluster/,
    );
  });

  it('state dir: writable, to be created, or blocked by a file', async () => {
    expect((await stateDirCheck.run(testContext(await testConfig({ NATSGH_STATE_DIR: dir })))).status).toBe(
      'ok',
    );
    const later = await stateDirCheck.run(
      testContext(await testConfig({ NATSGH_STATE_DIR: join(dir, 'a', 'b') })),
    );
    expect(later.message).toContain('will be created');
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    const blockedDir = await stateDirCheck.run(
      testContext(await testConfig({ NATSGH_STATE_DIR: join(file, 'state') })),
    );
    expect(blockedDir.status).toBe('fail');
    expect(blockedDir.hint).toContain('NATSGH_STATE_DIR');
  });
});
