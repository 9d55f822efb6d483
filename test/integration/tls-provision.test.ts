// `--tls generate` files used by a real nats-server with TLS and with mTLS;
// the client side through --tls-ca/--tls-cert/--tls-key and the generated files.
import { readFileSync, statSync } from 'node:fs';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { clientTlsFromConfig, connectNats } from '../../src/nats/connect.js';
import { generateDevTls, generatedServerTls } from '../../src/nats/tls-generate.js';
import { createProvisioner } from '../../src/provision/index.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { provisionContext } from '../support/provision-context.js';

function tlsBlock(files: { cert: string; key: string; ca: string }, verify: boolean): string {
  return `tls { cert_file: "${files.cert}", key_file: "${files.key}", ca_file: "${files.ca}", verify: ${verify}, timeout: 2 }`;
}

describe('TLS and mTLS', () => {
  const servers: TestNatsServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it('generates a CA, a server certificate for 127.0.0.1/localhost and a client certificate; reuses them on re-run', async () => {
    const ctx = await provisionContext({ tls: 'generate', 'tls-verify': true });
    const first = await generateDevTls(ctx.stateDir, { mtls: true, hosts: ['nats'] });
    expect(first.created.length).toBe(6);
    for (const key of [first.caKey, first.serverKey, first.clientKey!]) {
      expect(statSync(key).mode & 0o777).toBe(0o600);
    }
    const cert = forge.pki.certificateFromPem(readFileSync(first.serverCert, 'utf8'));
    const san = (cert.getExtension('subjectAltName') as any).altNames.map((n: any) => n.ip ?? n.value);
    expect(san).toEqual(expect.arrayContaining(['127.0.0.1', 'localhost', 'nats']));
    const again = await generateDevTls(ctx.stateDir, { mtls: true, hosts: ['nats'] });
    expect(again.created).toEqual([]);
    // A new host name replaces the server certificate only.
    const more = await generateDevTls(ctx.stateDir, { mtls: true, hosts: ['nats', 'nats.natsgh.svc'] });
    expect(more.created).toEqual([more.serverCert, more.serverKey]);
  });

  it('TLS: the provisioner connects with the generated CA; without it the handshake fails', async () => {
    const ctx = await provisionContext({ tls: 'generate' });
    const files = (await generatedServerTls(ctx.config))!;
    const s = await startNatsServer({ extraConfig: tlsBlock(files, false), scheme: 'tls' });
    servers.push(s);
    const byo = await provisionContext({ 'nats-type': 'self_hosted', 'nats-url': s.url, 'tls-ca': files.ca });
    const p = await createProvisioner(byo.config);
    const result = await p.apply(byo);
    expect(result.outputs.tls).toBe('true');
    // The state dir's generated CA is what --tls generate gives the client side.
    expect(clientTlsFromConfig(ctx.config)).toEqual({ ca: files.ca, cert: undefined, key: undefined });

    const untrusted = await provisionContext({ 'nats-type': 'self_hosted', 'nats-url': s.url });
    const err = (await (
      await createProvisioner(untrusted.config)
    )
      .apply(untrusted)
      .catch((e) => e)) as Error & {
      code: string;
    };
    expect(err.code).toBe('nats_tls');
  });

  it('mTLS: connects with the client certificate; without it fails with a timeout that names the likely cause', async () => {
    const ctx = await provisionContext({ tls: 'generate', 'tls-verify': true });
    const files = (await generatedServerTls(ctx.config))!;
    expect(files.client).toBeDefined();
    const s = await startNatsServer({ extraConfig: tlsBlock(files, true), scheme: 'tls' });
    servers.push(s);
    const byo = await provisionContext({
      'nats-type': 'self_hosted',
      'nats-url': s.url,
      'tls-ca': files.ca,
      'tls-cert': files.client!.cert,
      'tls-key': files.client!.key,
    });
    const p = await createProvisioner(byo.config);
    await p.apply(byo);
    expect(await p.verify(byo)).toEqual({ ok: true });

    const noCert = { servers: [s.url], tls: { ca: files.ca } };
    const err = (await connectNats(noCert, { timeoutMs: 2000 }).catch((e) => e)) as Error & {
      code: string;
      suggestions: string[];
    };
    expect(err).toBeInstanceOf(Error);
    // NATS-NOTES: a missing client certificate shows up as a plain timeout.
    expect(err.code).toBe('nats_timeout');
    expect(err.suggestions.join(' ')).toMatch(/client certificate/);
  });
});
