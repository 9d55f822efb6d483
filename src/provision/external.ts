// Bring-your-own NATS (`--nats-type self_hosted --mode dev`): a server at
// --nats-url that natsgh connects to and checks (auth, TLS, JetStream) but never
// starts, stops or changes; teardown leaves it alone. Also the base of synadia.ts.
import type { NatsConnection } from '@nats-io/nats-core';
import { UsageError } from '../errors.js';
import {
  assertJetStream,
  connectionSpecFromConfig,
  connectNats,
  type NatsConnectionSpec,
} from '../nats/connect.js';
import type { NodeStatus, PlanStep, ProvisionContext, Provisioner, ProvisionResult } from './provisioner.js';

/** A URL fit for output: `nats://user:pass@host` loses its user info. */
export function displayUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** Which kind of authentication a spec uses (for outputs and messages; never the secret). */
export function authKind(spec: NatsConnectionSpec): string {
  if (spec.credsFile) return 'creds';
  if (spec.nkeyFile) return 'nkey';
  if (spec.token) return 'token';
  if (spec.user || spec.servers.some((u) => displayUrl(u) !== u)) return 'user-password';
  return 'none';
}

/** Connects, confirms JetStream, and collects the facts a checkpoint records. */
export async function probeNats(
  spec: NatsConnectionSpec,
  name: string,
): Promise<{ outputs: Record<string, string>; connectedUrl: string }> {
  let nc: NatsConnection | undefined;
  try {
    nc = await connectNats(spec, { name, timeoutMs: 5000 });
    const js = await assertJetStream(nc, spec);
    const info = nc.info;
    return {
      connectedUrl: displayUrl(nc.getServer()),
      outputs: {
        urls: spec.servers.map(displayUrl).join(','),
        serverName: info?.server_name ?? '',
        serverVersion: info?.version ?? '',
        jetstreamDomain: spec.jetstreamDomain ?? js.domain ?? '',
        auth: authKind(spec),
        tls: spec.tls || spec.servers.some((s) => s.startsWith('tls://')) ? 'true' : 'false',
      },
    };
  } finally {
    await nc?.close().catch(() => {});
  }
}

export class ExternalNatsProvisioner implements Provisioner {
  readonly kind = 'external';
  readonly reachableAtStart = true;

  connection(ctx: ProvisionContext): NatsConnectionSpec {
    if (!ctx.config.nats.url) {
      throw new UsageError('--nats-type self_hosted in dev mode needs the URL of your NATS server', {
        code: 'nats_url_missing',
        suggestions: [
          'Pass --nats-url nats://HOST:4222 (or set NATSGH_NATS_URL); natsgh connects to it and never starts or stops it.',
          'To have natsgh run a server for you, use --nats-type embedded.',
        ],
      });
    }
    return connectionSpecFromConfig(ctx.config);
  }

  async plan(ctx: ProvisionContext): Promise<PlanStep[]> {
    const spec = this.connection(ctx);
    return [
      {
        action: `connect to the existing NATS at ${spec.servers.map(displayUrl).join(', ')} (${authKind(spec)} auth)`,
      },
      { action: `confirm JetStream${spec.jetstreamDomain ? ` in domain ${spec.jetstreamDomain}` : ''}` },
    ];
  }

  async apply(ctx: ProvisionContext): Promise<ProvisionResult> {
    const spec = this.connection(ctx);
    const { outputs } = await probeNats(spec, `natsgh-${ctx.deployment}-provision`);
    ctx.log.info(`using existing NATS ${outputs.serverName} ${outputs.serverVersion} at ${outputs.urls}`);
    return { servers: spec.servers.map(displayUrl), outputs: { ...outputs, managedBy: 'user' } };
  }

  async verify(ctx: ProvisionContext) {
    try {
      await probeNats(this.connection(ctx), `natsgh-${ctx.deployment}-verify`);
      return { ok: true as const };
    } catch (err) {
      return { ok: false as const, reason: (err as Error).message };
    }
  }

  async teardown(ctx: ProvisionContext): Promise<void> {
    ctx.log.info('the NATS server is yours (--nats-url): natsgh leaves it running and unchanged');
  }

  async nodes(ctx: ProvisionContext): Promise<NodeStatus[]> {
    const spec = this.connection(ctx);
    try {
      const { outputs, connectedUrl } = await probeNats(spec, `natsgh-${ctx.deployment}-status`);
      return [
        {
          name: outputs.serverName || connectedUrl,
          url: connectedUrl,
          healthy: true,
          detail: outputs.serverVersion,
        },
      ];
    } catch (err) {
      return [
        { name: spec.servers[0], url: spec.servers[0], healthy: false, detail: (err as Error).message },
      ];
    }
  }
}
