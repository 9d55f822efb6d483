// Synadia Cloud, or any operator-mode NATS, via a .creds file (every mode:
// in docker and kubernetes only the controller runs there). Checks the creds
// (user seed, JWT expiry), connects with the creds authenticator, confirms
// JetStream. Outputs carry the account public key and a creds fingerprint, never the seed.
import { UsageError } from '../errors.js';
import { connectionSpecFromConfig, type NatsConnectionSpec } from '../nats/connect.js';
import { type CredsInfo, readCredsFile } from '../nats/creds.js';
import { probeNats } from './external.js';
import type { NodeStatus, PlanStep, ProvisionContext, Provisioner, ProvisionResult } from './provisioner.js';

export const SYNADIA_DEFAULT_URL = 'tls://connect.ngs.global';
const WARN_EXPIRY_MS = 7 * 86_400_000;

export function missingCredsError(natsType = 'synadia'): UsageError {
  return new UsageError(`--nats-type ${natsType} needs a .creds file and none was given`, {
    code: 'creds_missing',
    details: { flag: '--creds', env: 'SYNADIA_CREDS_FILE' },
    suggestions: [
      'Pass --creds FILE or set SYNADIA_CREDS_FILE=FILE (Synadia Cloud: download the user\'s creds from its "Get Connected" page).',
    ],
  });
}

/** Reads and checks the creds file named by the config; warns when it expires within a week. */
export async function checkedCreds(ctx: ProvisionContext, natsType = 'synadia'): Promise<CredsInfo> {
  const file = ctx.config.nats.credsFile;
  if (!file) throw missingCredsError(natsType);
  const info = await readCredsFile(file);
  if (info.expiresAt !== undefined && info.expiresAt * 1000 - Date.now() < WARN_EXPIRY_MS) {
    ctx.log.warn(`the creds in ${file} expire at ${new Date(info.expiresAt * 1000).toISOString()}`);
  }
  return info;
}

export function credsOutputs(info: CredsInfo): Record<string, string> {
  return {
    accountPublicKey: info.accountPublicKey,
    userPublicKey: info.userPublicKey,
    credsFingerprint: info.fingerprint,
    credsExpiresAt: info.expiresAt ? String(info.expiresAt) : '',
  };
}

export class SynadiaProvisioner implements Provisioner {
  readonly kind = 'synadia';
  readonly reachableAtStart = true;

  connection(ctx: ProvisionContext): NatsConnectionSpec {
    if (!ctx.config.nats.credsFile) throw missingCredsError();
    const servers = ctx.config.nats.url ? undefined : [SYNADIA_DEFAULT_URL];
    return connectionSpecFromConfig(ctx.config, servers);
  }

  async plan(ctx: ProvisionContext): Promise<PlanStep[]> {
    const spec = this.connection(ctx);
    return [
      { action: `check the creds file ${spec.credsFile} (user seed, JWT expiry)` },
      { action: `connect to ${spec.servers.join(', ')} with those creds and confirm JetStream` },
    ];
  }

  async apply(ctx: ProvisionContext): Promise<ProvisionResult> {
    const creds = await checkedCreds(ctx);
    const spec = this.connection(ctx);
    const { outputs } = await probeNats(spec, `natsgh-${ctx.deployment}-provision`);
    ctx.log.info(`connected to ${outputs.urls} as account ${creds.accountPublicKey}; JetStream available`);
    return {
      servers: spec.servers,
      outputs: { ...outputs, ...credsOutputs(creds), url: spec.servers[0], managedBy: 'synadia' },
    };
  }

  async verify(ctx: ProvisionContext) {
    try {
      await checkedCreds(ctx);
      await probeNats(this.connection(ctx), `natsgh-${ctx.deployment}-verify`);
      return { ok: true as const };
    } catch (err) {
      return { ok: false as const, reason: (err as Error).message };
    }
  }

  async teardown(ctx: ProvisionContext): Promise<void> {
    ctx.log.info('Synadia Cloud is not run by natsgh: nothing to tear down (your account and its data stay)');
  }

  async nodes(ctx: ProvisionContext): Promise<NodeStatus[]> {
    const spec = this.connection(ctx);
    try {
      const { outputs, connectedUrl } = await probeNats(spec, `natsgh-${ctx.deployment}-status`);
      return [{ name: outputs.serverName, url: connectedUrl, healthy: true, detail: outputs.serverVersion }];
    } catch (err) {
      return [{ name: 'synadia', url: spec.servers[0], healthy: false, detail: (err as Error).message }];
    }
  }
}
