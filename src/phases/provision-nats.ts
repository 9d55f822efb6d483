// provision-nats: converges the NATS this deployment uses through its
// provisioner (embedded, local cluster, docker, helm, synadia, hybrid). The
// provisioner finds what already runs, so a re-run never starts a second server.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  credentialsFingerprint,
  natsghRunsServer,
  readDeploymentCredentials,
} from '../nats/deployment-auth.js';
import type { PhaseBody, VerifyResult } from '../workflow/phase.js';
import { type BootstrapContext, provisionContext } from './context.js';

// provision-nats and validate both ask the provisioner whether NATS is healthy; on a
// no-op re-run both verifies run at once, and for Synadia each check is a new TLS
// connection over the WAN. One check per run serves both, until provision-nats runs.
const natsVerifies = new WeakMap<BootstrapContext, Promise<VerifyResult>>();

/** The provisioner's health check, once per run (forgotten when provision-nats converges). */
export function verifyNatsOnce(ctx: BootstrapContext): Promise<VerifyResult> {
  let v = natsVerifies.get(ctx);
  if (!v) {
    v = ctx.provisioner.verify(provisionContext(ctx));
    natsVerifies.set(ctx, v);
  }
  return v;
}

/** A SHA-256 of a file's bytes (a digest of a secret, only ever hashed again into the input hash); the path when unreadable. */
function fileDigest(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  } catch {
    return path;
  }
}

function serverCredentialsFingerprint(ctx: BootstrapContext): string | undefined {
  if (!natsghRunsServer(ctx.config)) return undefined;
  const stored = readDeploymentCredentials(ctx.stateDir, ctx.deployment);
  return stored ? credentialsFingerprint(stored) : undefined;
}

/** What decides the NATS deployment's shape; no secrets (auth files are named by path). */
export function natsInputs(ctx: BootstrapContext): Record<string, unknown> {
  const n = ctx.config.nats;
  return {
    mode: ctx.config.mode,
    natsType: ctx.config.natsType,
    url: n.url,
    port: n.port,
    monitorPort: n.monitorPort,
    clusterPort: n.clusterPort,
    jetstreamDomain: n.jetstreamDomain,
    replicas: ctx.config.natsType === 'self_hosted_cluster' ? n.replicas : undefined,
    hubUrl: n.hubUrl,
    // By content, not path: a fresh CI runner writes the same creds to another temp path.
    credsFile: fileDigest(n.credsFile),
    nkeyFile: fileDigest(n.nkeyFile),
    user: n.user,
    // The credentials of a server natsgh runs, by salted fingerprint: new ones reconfigure the servers.
    auth: serverCredentialsFingerprint(ctx),
    tls: n.tls,
    image: n.image,
    namespace: ctx.config.mode === 'kubernetes' ? ctx.config.namespace : undefined,
  };
}

export const provisionNats: PhaseBody<BootstrapContext> = {
  // NATS that exists before natsgh (Synadia, your own server) does not depend on the state dir,
  // so a new machine with an empty one resumes from KV instead of provisioning again.
  inputs: (ctx) => ({
    nats: natsInputs(ctx),
    stateDir: ctx.provisioner.reachableAtStart ? undefined : ctx.stateDir,
  }),
  async run(ctx, task) {
    const pctx = provisionContext(ctx);
    // The last done run's outputs (pids per node), to tell which nodes this run restarted.
    const previous = ctx.outputs['provision-nats'];
    for (const step of await ctx.provisioner.plan(pctx)) task.output(step.action);
    natsVerifies.delete(ctx);
    const result = await ctx.provisioner.apply(pctx);
    task.output(`NATS at ${result.servers.join(', ')}`);
    const outputs = { ...result.outputs, url: result.servers.join(',') };
    await publishProvisionEvents(ctx, outputs, previous);
    return outputs;
  },
  verify: (ctx) => verifyNatsOnce(ctx),
  teardown: (ctx, opts) => ctx.provisioner.teardown(provisionContext(ctx), opts),
};

/**
 * What provisioning tells the people watching: the NATS deployment, the
 * Synadia account in use (public key and creds fingerprint, never the seed),
 * and each cluster node this run had to restart. Queued in the state dir until
 * NATS is attached; a failure to record is a warning, never a failed phase.
 */
async function publishProvisionEvents(
  ctx: BootstrapContext,
  outputs: Record<string, string>,
  previous: Record<string, string> | undefined,
): Promise<void> {
  const { clusterEvent, deploymentEvent, synadiaCloudConfigEvent } = await import('../events/builders.js');
  const nodeCount = Number(outputs.nodes) || 0;
  const servers =
    nodeCount > 0
      ? Array.from({ length: nodeCount }, (_, i) => ({
          name: `${ctx.deployment}-n${i}`,
          version: outputs.version ?? '',
          jetstream: true,
        }))
      : [
          {
            name: outputs.serverName || outputs.serverId || ctx.config.natsType,
            version: outputs.version || outputs.serverVersion || '',
            jetstream: true,
          },
        ];
  const spec = ctx.provisioner.connection(provisionContext(ctx));
  const events = [
    deploymentEvent({
      deployment: ctx.deployment,
      runId: ctx.runId,
      change: previous ? 'updated' : 'provisioned',
      natsType: ctx.config.natsType,
      mode: ctx.config.mode,
      urls: outputs.url.split(','),
      jetstreamDomain: outputs.jetstreamDomain || spec.jetstreamDomain,
      servers,
      clusterSize: Math.max(1, nodeCount),
      tls: outputs.url.includes('tls://') || spec.tls !== undefined,
    }),
  ];
  if (outputs.accountPublicKey && outputs.credsFingerprint) {
    events.push(
      synadiaCloudConfigEvent({
        deployment: ctx.deployment,
        runId: ctx.runId,
        url: outputs.url.split(',')[0],
        accountPublicKey: outputs.accountPublicKey,
        userPublicKey: outputs.userPublicKey,
        credsFingerprint: outputs.credsFingerprint,
        expiresUnixS: Number(outputs.credsExpiresAt) || undefined,
        jetstreamDomain: outputs.jetstreamDomain || spec.jetstreamDomain,
      }),
    );
  }
  for (let i = 0; i < nodeCount; i++) {
    const before = previous?.[`node${i}.pid`];
    const now = outputs[`node${i}.pid`];
    if (before && now && before !== now) {
      events.push(
        clusterEvent({
          deployment: ctx.deployment,
          runId: ctx.runId,
          change: 'node_restarted',
          node: `${ctx.deployment}-n${i}`,
          sizeBefore: nodeCount,
          sizeAfter: nodeCount,
          metaLeader: outputs.metaLeader,
          clusterName: outputs.cluster,
        }),
      );
    }
  }
  for (const event of events) {
    try {
      await ctx.events.publish(event);
    } catch (err) {
      ctx.log.warn(`could not record the ${event.type} event: ${(err as Error).message}`);
    }
  }
}
