// Property: any creds text (valid, truncated, mutated, with arbitrary JWT claims
// or plain garbage) gives a valid result or a UsageError naming the file, and no
// error ever carries the NKey seed.
import { encodeUser, fmtCreds } from '@nats-io/jwt';
import { createAccount, createUser } from '@nats-io/nkeys';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseCreds } from '../../src/nats/creds.js';
import { checked, injected, within } from './report.js';

const FILE = '/fuzz/user.creds';
const SEED_BLOCK = /-----BEGIN USER NKEY SEED-----\s*([\s\S]*?)\s*------END USER NKEY SEED------/;

interface Valid {
  text: string;
  seed: string;
  jwt: string;
  userPublicKey: string;
}

async function validCreds(): Promise<Valid> {
  const account = createAccount();
  const user = createUser();
  const jwt = await encodeUser('fuzz', user, account);
  return {
    text: new TextDecoder().decode(fmtCreds(jwt, user)),
    seed: new TextDecoder().decode(user.getSeed()),
    jwt,
    userPublicKey: user.getPublicKey(),
  };
}

/** Every seed-looking secret in the input: the original seed and whatever the seed block now holds. */
function secretsIn(text: string, seed: string): string[] {
  const out = [seed, seed.slice(0, 29), seed.slice(29)];
  const block = SEED_BLOCK.exec(text)?.[1]?.trim();
  if (block && block.length >= 12) out.push(block);
  return out;
}

async function check(text: string, seed: string, now = Date.now()): Promise<'ok' | 'error'> {
  let result: Awaited<ReturnType<typeof parseCreds>>;
  try {
    result = await within(parseCreds(text, FILE, now), 5000, 'parseCreds');
  } catch (err) {
    if (!(err instanceof UsageError)) {
      throw new Error(
        `parseCreds threw ${(err as Error)?.constructor?.name}: ${(err as Error)?.message} for input ${JSON.stringify(text.split(seed).join('[SEED]').slice(0, 400))}`,
      );
    }
    expect(err.exit).toBe(2);
    expect(err.message).toContain(FILE);
    const shown = JSON.stringify({
      m: err.message,
      s: err.suggestions,
      d: err.details,
      c: String(err.cause ?? ''),
    });
    for (const secret of secretsIn(text, seed)) expect(shown).not.toContain(secret);
    return 'error';
  }
  expect(result.file).toBe(FILE);
  expect(result.userPublicKey).toMatch(/^U[A-Z2-7]{55}$/);
  expect(result.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  expect(JSON.stringify(result)).not.toContain(seed);
  return 'ok';
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

describe('creds parser (fuzz)', () => {
  let valid: Valid;
  beforeAll(async () => {
    valid = await validCreds();
  });

  it('accepts the valid file', async () => {
    expect(await check(valid.text, valid.seed)).toBe('ok');
  });

  it('truncated anywhere: a clear error naming the file, no seed bytes', async () => {
    injected('creds', '200 truncations of a valid creds file at random offsets');
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: valid.text.length - 1 }), async (cut) => {
        const text = valid.text.slice(0, cut);
        const outcome = await check(text, valid.seed);
        // Cutting inside the seed block or before it can never give a usable file.
        if (cut < valid.text.indexOf('------END USER NKEY SEED------')) expect(outcome).toBe('error');
        if (outcome === 'error') errors++;
      }),
      { numRuns: 200 },
    );
    checked(
      'creds',
      `${errors} truncated files rejected with a UsageError naming the file; the seed never in the error`,
    );
  });

  it('mutated bytes: valid result or clear error, never another exception or the seed', async () => {
    injected('creds', '200 files with random spans replaced by arbitrary text');
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: valid.text.length - 1 }),
        fc.nat({ max: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        async (at, len, insert) => {
          const text = valid.text.slice(0, at) + insert + valid.text.slice(at + len);
          await check(text, valid.seed);
        },
      ),
      { numRuns: 200 },
    );
    checked('creds', 'each mutated file parsed or was rejected with a UsageError; no seed leaked');
  });

  it('arbitrary JWT claims (odd exp, type, sub): valid result or clear error', async () => {
    injected('creds', '200 user JWTs with arbitrary claims around a valid seed');
    const exp = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true }).map((d) => JSON.stringify(d)),
      fc.constantFrom('-1e400', '1e400', '-9e15', '8.7e12', '"soon"', 'null', 'true', '[]', '{}'),
    );
    const claims = fc.record(
      {
        sub: fc.oneof(fc.constant(valid.userPublicKey), fc.string()),
        iss: fc.string(),
        name: fc.oneof(fc.string(), fc.integer()),
        type: fc.oneof(fc.constantFrom('user', 'account', 'operator'), fc.string(), fc.integer()),
        issuer_account: fc.string(),
        exp,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(claims, fc.boolean(), async (c, nested) => {
        const fields: string[] = [];
        if (c.sub !== undefined) fields.push(`"sub":${JSON.stringify(c.sub)}`);
        if (c.iss !== undefined) fields.push(`"iss":${JSON.stringify(c.iss)}`);
        if (c.name !== undefined) fields.push(`"name":${JSON.stringify(c.name)}`);
        if (c.exp !== undefined) fields.push(`"exp":${typeof c.exp === 'number' ? c.exp : c.exp}`);
        const nats: string[] = [];
        if (c.type !== undefined) nats.push(`"type":${JSON.stringify(c.type)}`);
        if (c.issuer_account !== undefined) nats.push(`"issuer_account":${JSON.stringify(c.issuer_account)}`);
        if (nested) fields.push(`"nats":{${nats.join(',')}}`);
        const jwt = `${b64url('{"typ":"JWT","alg":"ed25519-nkey"}')}.${b64url(`{${fields.join(',')}}`)}.c2ln`;
        const text = valid.text.replace(valid.jwt, jwt);
        await check(text, valid.seed);
      }),
      // Found by this property: an exp before year -271821 made the expiry message throw a RangeError.
      {
        numRuns: 200,
        examples: [
          [{ exp: '-1e400' }, false],
          [{ exp: '-8640000000000.001' }, true],
        ],
      },
    );
    checked('creds', 'every claims variant parsed or was rejected with a UsageError naming the file');
  });

  it('arbitrary text: a clear error', async () => {
    injected('creds', '200 arbitrary texts, some wrapped in creds block markers');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), async (junk, wrap) => {
        const text = wrap
          ? `-----BEGIN NATS USER JWT-----\n${junk}\n------END NATS USER JWT------\n-----BEGIN USER NKEY SEED-----\n${junk}\n------END USER NKEY SEED------\n`
          : junk;
        expect(await check(text, valid.seed)).toBe('error');
      }),
      { numRuns: 200 },
    );
    checked('creds', 'all rejected with a UsageError naming the file');
  });
});
