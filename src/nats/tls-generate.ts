// `--tls generate`: a development CA, a server certificate (SAN 127.0.0.1,
// localhost and any extra host names) and, for mTLS, a client certificate, as
// PEM files in <stateDir>/tls/ (keys 0600). Valid files are reused on re-run.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type NodeForge from 'node-forge';
import { writeFileAtomic } from '../system/atomic-file.js';

// node-forge takes ~240 ms to load; only certificate generation needs it, so it
// is loaded there and a no-op bootstrap never pays for it.
let forge: typeof NodeForge;
async function loadForge(): Promise<void> {
  forge ??= (await import('node-forge')).default;
}

export interface DevTlsPaths {
  dir: string;
  ca: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  /** Present when mTLS was asked for. */
  clientCert?: string;
  clientKey?: string;
  /** Which files this call (re)wrote; empty when everything was reused. */
  created: string[];
}

export interface DevTlsOptions {
  mtls: boolean;
  /** Extra DNS names or IPs for the server certificate (compose service names, Kubernetes service DNS). */
  hosts?: string[];
  now?: Date;
}

const DAY_MS = 86_400_000;
/** A certificate closer than this to its expiry is replaced. */
const RENEW_BEFORE_MS = 30 * DAY_MS;

/** Where generateDevTls puts its files; pure, so connection specs can be built synchronously. */
export function devTlsPaths(stateDir: string, mtls: boolean): Omit<DevTlsPaths, 'created'> {
  const dir = join(stateDir, 'tls');
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    serverCert: join(dir, 'server.pem'),
    serverKey: join(dir, 'server-key.pem'),
    ...(mtls ? { clientCert: join(dir, 'client.pem'), clientKey: join(dir, 'client-key.pem') } : {}),
  };
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  await writeFileAtomic(file, text, { mode });
}

function serialNumber(): string {
  // Positive, 16 random bytes.
  const hex = forge.util.bytesToHex(forge.random.getBytesSync(16));
  return `0${hex.slice(1)}`;
}

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

function stillValid(cert: NodeForge.pki.Certificate, now: Date): boolean {
  return (
    cert.validity.notBefore.getTime() <= now.getTime() + 60_000 &&
    cert.validity.notAfter.getTime() - now.getTime() > RENEW_BEFORE_MS
  );
}

function sanNames(cert: NodeForge.pki.Certificate): Set<string> {
  const ext = cert.getExtension('subjectAltName') as { altNames?: Array<{ value?: string; ip?: string }> };
  return new Set((ext?.altNames ?? []).map((n) => n.ip ?? n.value ?? ''));
}

interface Issued {
  cert: NodeForge.pki.Certificate;
  key: NodeForge.pki.rsa.PrivateKey;
}

function issue(
  subjectCn: string,
  now: Date,
  days: number,
  opts: { ca?: Issued; isCa?: boolean; server?: string[]; client?: boolean },
): Issued {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY_MS);
  const subject = [
    { name: 'commonName', value: subjectCn },
    { name: 'organizationName', value: 'natsgh (development)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(opts.ca ? opts.ca.cert.subject.attributes : subject);
  const extensions: any[] = [];
  if (opts.isCa) {
    extensions.push(
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    );
  } else {
    extensions.push(
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: !!opts.server, clientAuth: !!opts.client || !!opts.server },
    );
    if (opts.server) {
      extensions.push({
        name: 'subjectAltName',
        altNames: opts.server.map((h) => (isIp(h) ? { type: 7, ip: h } : { type: 2, value: h })),
      });
    }
  }
  extensions.push({ name: 'subjectKeyIdentifier' });
  cert.setExtensions(extensions);
  cert.sign(opts.ca ? opts.ca.key : keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

async function loadIssued(certFile: string, keyFile: string): Promise<Issued | undefined> {
  const [certPem, keyPem] = await Promise.all([readText(certFile), readText(keyFile)]);
  if (!certPem || !keyPem) return undefined;
  try {
    return {
      cert: forge.pki.certificateFromPem(certPem),
      key: forge.pki.privateKeyFromPem(keyPem) as NodeForge.pki.rsa.PrivateKey,
    };
  } catch {
    return undefined;
  }
}

function signedBy(cert: NodeForge.pki.Certificate, ca: Issued): boolean {
  try {
    return ca.cert.verify(cert);
  } catch {
    return false;
  }
}

async function save(issued: Issued, certFile: string, keyFile: string): Promise<void> {
  await writeAtomic(certFile, forge.pki.certificateToPem(issued.cert), 0o644);
  await writeAtomic(keyFile, forge.pki.privateKeyToPem(issued.key), 0o600);
}

/**
 * Creates (or reuses) the dev CA, server certificate and, with mtls, a client
 * certificate. A server certificate missing one of the requested host names,
 * expiring within 30 days or not signed by the current CA is replaced.
 */
export async function generateDevTls(stateDir: string, opts: DevTlsOptions): Promise<DevTlsPaths> {
  await loadForge();
  const now = opts.now ?? new Date();
  const paths = devTlsPaths(stateDir, opts.mtls);
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  const created: string[] = [];

  let ca = await loadIssued(paths.ca, paths.caKey);
  if (!ca || !stillValid(ca.cert, now)) {
    ca = issue('natsgh development CA', now, 3650, { isCa: true });
    await save(ca, paths.ca, paths.caKey);
    created.push(paths.ca, paths.caKey);
  }

  const hosts = [...new Set(['127.0.0.1', 'localhost', ...(opts.hosts ?? [])])];
  const server = await loadIssued(paths.serverCert, paths.serverKey);
  const serverOk =
    server &&
    stillValid(server.cert, now) &&
    signedBy(server.cert, ca) &&
    hosts.every((h) => sanNames(server.cert).has(h));
  if (!serverOk) {
    await save(
      issue('natsgh development server', now, 825, { ca, server: hosts }),
      paths.serverCert,
      paths.serverKey,
    );
    created.push(paths.serverCert, paths.serverKey);
  }

  if (opts.mtls && paths.clientCert && paths.clientKey) {
    const client = await loadIssued(paths.clientCert, paths.clientKey);
    if (!client || !stillValid(client.cert, now) || !signedBy(client.cert, ca)) {
      await save(issue('natsgh', now, 825, { ca, client: true }), paths.clientCert, paths.clientKey);
      created.push(paths.clientCert, paths.clientKey);
    }
  }
  return { ...paths, created };
}

/** TLS files for a server natsgh runs, in the shape local-server.ts's ServerTlsFiles takes. */
export interface GeneratedServerTls {
  cert: string;
  key: string;
  ca: string;
  verify: boolean;
  /** The client certificate natsgh connects with when verify (mTLS) is on. */
  client?: { cert: string; key: string };
}

/**
 * With `--tls generate`: creates or reuses the dev CA and certificates and
 * returns the server's TLS files; otherwise undefined.
 */
export async function generatedServerTls(
  config: { stateDir: string; nats: { tls: { mode: 'off' | 'generate'; verify: boolean } } },
  hosts: string[] = [],
): Promise<GeneratedServerTls | undefined> {
  if (config.nats.tls.mode !== 'generate') return undefined;
  const verify = config.nats.tls.verify;
  const p = await generateDevTls(config.stateDir, { mtls: verify, hosts });
  return {
    cert: p.serverCert,
    key: p.serverKey,
    ca: p.ca,
    verify,
    client: p.clientCert && p.clientKey ? { cert: p.clientCert, key: p.clientKey } : undefined,
  };
}
