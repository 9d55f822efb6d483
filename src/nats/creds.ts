// Parses and checks a NATS .creds file (user JWT + NKey seed), the way Synadia
// Cloud and every operator-mode server authenticate. The seed never leaves this
// module except as the raw bytes handed to the client's authenticator; what is
// reported is the public key, the account and a fingerprint.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type UsageCode, UsageError } from '../errors.js';
import { registerSecret } from '../redact.js';

export interface CredsInfo {
  file: string;
  /** The user's public NKey (JWT subject). */
  userPublicKey: string;
  /** Issuer account public key (issuer_account when signed by a signing key, else iss). */
  accountPublicKey: string;
  /** User name from the JWT. */
  name: string;
  /** Expiry (seconds since epoch), or undefined when the JWT never expires. */
  expiresAt?: number;
  /** sha256 of the user JWT, first 16 hex chars: identifies the creds without revealing them. */
  fingerprint: string;
}

const JWT_BLOCK = /-----BEGIN NATS USER JWT-----\s*([\s\S]*?)\s*------END NATS USER JWT------/;
const SEED_BLOCK = /-----BEGIN USER NKEY SEED-----\s*([\s\S]*?)\s*------END USER NKEY SEED------/;

function bad(file: string, what: string, code: UsageCode = 'creds_invalid'): UsageError {
  return new UsageError(`creds file ${file} ${what}`, {
    code,
    details: { file },
    suggestions: [
      'Download a fresh .creds file for this user (Synadia Cloud: the user\'s "Get Connected" page, or `nsc generate creds`).',
      'Pass it with --creds FILE or SYNADIA_CREDS_FILE.',
    ],
  });
}

function decodeJwtClaims(jwt: string): Record<string, any> | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Parses creds text; throws a UsageError naming the file and what is wrong. */
export async function parseCreds(text: string, file: string, now = Date.now()): Promise<CredsInfo> {
  const seedMatch = SEED_BLOCK.exec(text);
  if (seedMatch) registerSecret(seedMatch[1].trim());
  const jwtMatch = JWT_BLOCK.exec(text);
  if (!jwtMatch)
    throw bad(file, 'has no "BEGIN NATS USER JWT" block (is it truncated or not a .creds file?)');
  if (!seedMatch) throw bad(file, 'has no "BEGIN USER NKEY SEED" block (is it truncated?)');
  const jwt = jwtMatch[1].trim();
  const seed = seedMatch[1].trim();
  const claims = decodeJwtClaims(jwt);
  if (!claims) throw bad(file, 'holds a user JWT that cannot be decoded');
  if (claims.nats?.type !== undefined && claims.nats.type !== 'user') {
    throw bad(file, `holds a ${claims.nats.type} JWT, not a user JWT`);
  }
  if (!seed.startsWith('SU')) {
    const kind = seed.startsWith('SA') ? 'an account' : seed.startsWith('SO') ? 'an operator' : 'not a user';
    throw bad(file, `holds ${kind} seed where a user seed (starting "SU") is required`);
  }
  const { fromSeed } = await import('@nats-io/nkeys');
  let publicKey: string;
  try {
    publicKey = fromSeed(new TextEncoder().encode(seed)).getPublicKey();
  } catch {
    throw bad(file, 'holds an NKey seed that is not valid (is it truncated?)');
  }
  if (claims.sub && claims.sub !== publicKey) {
    throw bad(file, 'holds a seed that does not belong to its user JWT');
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) {
    throw bad(
      file,
      `holds a user JWT that expired at ${new Date(Math.max(claims.exp * 1000, -8.64e15)).toISOString()}`,
      'creds_expired',
    );
  }
  return {
    file,
    userPublicKey: publicKey,
    accountPublicKey: claims.nats?.issuer_account ?? claims.iss ?? '',
    name: claims.name ?? '',
    expiresAt: typeof claims.exp === 'number' ? claims.exp : undefined,
    fingerprint: createHash('sha256').update(jwt).digest('hex').slice(0, 16),
  };
}

export async function readCredsFile(file: string, now = Date.now()): Promise<CredsInfo> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw bad(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'creds_unreadable');
  }
  return parseCreds(text, file, now);
}
