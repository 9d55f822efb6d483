// Operator-mode NATS for tests (how Synadia Cloud authenticates): operator,
// system account, one account with the full set of limits, and user creds,
// all generated here with @nats-io/jwt + @nats-io/nkeys (NATS-NOTES.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeAccount, encodeOperator, encodeUser, fmtCreds } from '@nats-io/jwt';
import { createAccount, createOperator, createUser, type KeyPair } from '@nats-io/nkeys';

export interface OperatorSetup {
  /** Server config text: operator, system_account, resolver MEMORY, preload. */
  serverConfig: string;
  accountPublicKey: string;
  accountKey: KeyPair;
  /** Writes a creds file for a new user of the account; returns its path and the seed (to assert it never leaks). */
  writeUserCreds(
    dir: string,
    name: string,
    opts?: { expSeconds?: number },
  ): Promise<{ file: string; seed: string }>;
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

export async function createOperatorSetup(): Promise<OperatorSetup> {
  const operator = createOperator();
  const system = createAccount();
  const account = createAccount();
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
  const accountJwt = await encodeAccount('APP', account, { limits: FULL_LIMITS } as any, {
    signer: operator,
  });
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
    async writeUserCreds(dir, name, opts = {}) {
      const user = createUser();
      const jwt = await encodeUser(name, user, account, {}, opts.expSeconds ? { exp: opts.expSeconds } : {});
      const file = join(dir, `${name}.creds`);
      writeFileSync(file, fmtCreds(jwt, user), { mode: 0o600 });
      return { file, seed: new TextDecoder().decode(user.getSeed()) };
    },
  };
}
