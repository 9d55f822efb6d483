// Operator-mode NATS for tests (how Synadia Cloud authenticates): operator,
// system account, one account with the full set of limits (or the limits a
// test gives it, shaped like a managed tier), and user creds (optionally
// restricted to some subjects, expired or revoked), all generated here with
// @nats-io/jwt + @nats-io/nkeys (NATS-NOTES.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeAccount, encodeOperator, encodeUser, fmtCreds } from '@nats-io/jwt';
import { createAccount, createOperator, createUser, type KeyPair } from '@nats-io/nkeys';

/** JetStream limits of the account JWT (nats-io/jwt JetStreamLimits); unset ones are unlimited. */
export interface AccountJetStreamLimits {
  mem_storage?: number;
  disk_storage?: number;
  streams?: number;
  consumer?: number;
  mem_max_stream_bytes?: number;
  disk_max_stream_bytes?: number;
  max_bytes_required?: boolean;
  max_ack_pending?: number;
  /** Per-replica-count limits, as Synadia Cloud sets them (the top-level ones are then 0). */
  tiered_limits?: {
    R1?: Omit<AccountJetStreamLimits, 'tiered_limits'>;
    R3?: Omit<AccountJetStreamLimits, 'tiered_limits'>;
  };
}

export interface UserOptions {
  /** JWT expiry, seconds since the epoch. */
  expSeconds?: number;
  /** Publish/subscribe permissions of the user JWT. */
  pub?: { allow?: string[]; deny?: string[] };
  sub?: { allow?: string[]; deny?: string[] };
  /** Lets the user answer requests (reply subjects) without a publish permission for them. */
  resp?: { max: number; ttl: number };
  /** Writes the user into the account's revocation list (the account JWT is reissued; takes effect for new connections). */
  revoked?: boolean;
}

export interface OperatorSetup {
  /** Server config text: operator, system_account, resolver MEMORY, preload. */
  serverConfig: string;
  accountPublicKey: string;
  accountKey: KeyPair;
  /** Writes a creds file for a new user of the account; returns its path and the seed (to assert it never leaks). */
  writeUserCreds(dir: string, name: string, opts?: UserOptions): Promise<{ file: string; seed: string }>;
}

const FULL_LIMITS = {
  subs: -1,
  data: -1,
  payload: -1,
  imports: -1,
  exports: -1,
  conn: -1,
  leaf: -1,
  mem_storage: -1,
  disk_storage: -1,
  streams: -1,
  consumer: -1,
  wildcards: true,
};

/**
 * `jetstream`: the account's JetStream limits (a managed tier); `revokedUsers`:
 * how many users writeUserCreds will mark revoked (their keys are made up front,
 * because the resolver preload is fixed when the server starts).
 */
export async function createOperatorSetup(
  opts: {
    jetstream?: AccountJetStreamLimits;
    revokedUsers?: number;
    /** The account JWT's expiry (seconds since the epoch): an account the operator let lapse. */
    accountExpSeconds?: number;
  } = {},
): Promise<OperatorSetup> {
  const operator = createOperator();
  const system = createAccount();
  const account = createAccount();
  const revokedKeys = Array.from({ length: opts.revokedUsers ?? 0 }, () => createUser());
  const operatorJwt = await encodeOperator('test-operator', operator, {
    system_account: system.getPublicKey(),
  });
  const systemJwt = await encodeAccount(
    'SYS',
    system,
    { limits: { ...FULL_LIMITS, disk_storage: 0, mem_storage: 0 } } as any,
    {
      signer: operator,
    },
  );
  const revocations = Object.fromEntries(
    revokedKeys.map((k) => [k.getPublicKey(), Math.floor(Date.now() / 1000) + 3600]),
  );
  const accountJwt = await encodeAccount(
    'APP',
    account,
    {
      limits: { ...FULL_LIMITS, ...opts.jetstream },
      ...(revokedKeys.length > 0 ? { revocations } : {}),
    } as any,
    { signer: operator, ...(opts.accountExpSeconds ? { exp: opts.accountExpSeconds } : {}) },
  );
  const serverConfig = [
    `operator: ${operatorJwt}`,
    `system_account: ${system.getPublicKey()}`,
    'resolver: MEMORY',
    'resolver_preload: {',
    `  ${system.getPublicKey()}: ${systemJwt}`,
    `  ${account.getPublicKey()}: ${accountJwt}`,
    '}',
  ].join('\n');
  return {
    serverConfig,
    accountPublicKey: account.getPublicKey(),
    accountKey: account,
    async writeUserCreds(dir, name, u = {}) {
      let user: KeyPair;
      if (u.revoked) {
        const next = revokedKeys.shift();
        if (!next) throw new Error('createOperatorSetup({revokedUsers}) made no (more) revoked users');
        user = next;
      } else {
        user = createUser();
      }
      const perms = {
        ...(u.pub ? { pub: u.pub } : {}),
        ...(u.sub ? { sub: u.sub } : {}),
        ...(u.resp ? { resp: u.resp } : {}),
      };
      const jwt = await encodeUser(
        name,
        user,
        account,
        perms as any,
        u.expSeconds ? { exp: u.expSeconds } : {},
      );
      const file = join(dir, `${name}.creds`);
      writeFileSync(file, fmtCreds(jwt, user), { mode: 0o600 });
      return { file, seed: new TextDecoder().decode(user.getSeed()) };
    },
  };
}
