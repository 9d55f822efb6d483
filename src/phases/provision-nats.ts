// provision-nats: converges the NATS this deployment uses through its
// provisioner (embedded, local cluster, docker, helm, synadia, hybrid). The
// provisioner finds what already runs, so a re-run never starts a second server;
// it starts the nats-server binary prerequisites recorded.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InternalError } from '../errors.js';
import {
  credentialsFingerprint,
  natsghRunsServer,
  readDeploymentCredentials,
} from '../nats/deployment-auth.js';
import type { PhaseBody } from '../workflow/phase.js';
import { type PhaseContext, type ProvisionerFields, provisionContext } from './context.js';
import { type ProvisionNatsOutputs, provisionNatsOutputs } from './outputs.js';

export type ProvisionNatsContext = PhaseContext<
  ProvisionerFields | 'runId' | 'events' | 'memo',
  // The binary to start, and the last run's nodes (to tell which ones this run restarted).
  'prerequisites' | 'provision-nats'
>;

export const provisionNats: PhaseBody<ProvisionNatsContext> = {
  // NATS that exists before natsgh (Synadia, your own server) does not depend on the state dir,
  // so a new machine with an empty one resumes from KV instead of provisioning again.
  inputs: (ctx) => ({
    nats: natsInputs(ctx),
    stateDir: ctx.provisioner.reachableAtStart ? undefined : ctx.stateDir,
  }),

  async run(ctx, task) {
    const pctx = provisionContext(ctx, ctx.recorded.prerequisites?.natsServer);
    const previous = ctx.recorded['provision-nats'];
    for (const step of await ctx.provisioner.plan(pctx)) task.output(step.action);
    ctx.memo.forgetNatsHealth();
    const result = await ctx.provisioner.apply(pctx);
    task.output(`NATS at ${result.servers.join(', ')}`);
    const outputs = provisionNatsOutputs.decode({ ...result.outputs, url: result.servers.join(',') });
    if (!outputs) throw new InternalError(`the ${ctx.provisioner.kind} provisioner reported no client URL`);
    await publishProvisionEvents(ctx, outputs, previous);
    return provisionNatsOutputs.encode(outputs);
  },

  // One check per run serves this verify and validate's (the run memo).
  verify: (ctx) => ctx.memo.natsHealth(ctx),

  teardown: (ctx, opts) => ctx.provisioner.teardown(provisionContext(ctx), opts),
};

/** What decides the NATS deployment's shape; no secrets (auth files are named by path). */
export function natsInputs(ctx: Pick<ProvisionNatsContext, 'config' | 'stateDir' | 'deployment'>) {
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

/** A SHA-256 of a file's bytes (a digest of a secret, only ever hashed again into the input hash); the path when unreadable. */
function fileDigest(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  } catch {
    return path;
  }
}

function serverCredentialsFingerprint(
  ctx: Pick<ProvisionNatsContext, 'config' | 'stateDir' | 'deployment'>,
): string | undefined {
  if (!natsghRunsServer(ctx.config)) return undefined;
  const stored = readDeploymentCredentials(ctx.stateDir, ctx.deployment);
  return stored ? credentialsFingerprint(stored) : undefined;
}

/**
 * What provisioning tells the people watching: the NATS deployment, the
 * Synadia account in use (public key and creds fingerprint, never the seed),
 * and each cluster node this run had to restart. Queued in the state dir until
 * NATS is attached; a failure to record is a warning, never a failed phase.
 */
async function publishProvisionEvents(
  ctx: ProvisionNatsContext,
  outputs: ProvisionNatsOutputs,
  previous: ProvisionNatsOutputs | undefined,
): Promise<void> {
  const { clusterEvent, deploymentEvent, synadiaCloudConfigEvent } = await import('../events/builders.js');
  const nodeCount = outputs.nodes.length;
  const servers =
    nodeCount > 0
      ? outputs.nodes.map((_, i) => ({
          name: `${ctx.deployment}-n${i}`,
          version: outputs.version ?? '',
          jetstream: true,
        }))
      : [
          {
            name: outputs.serverName ?? outputs.serverId ?? ctx.config.natsType,
            version: outputs.version ?? '',
            jetstream: true,
          },
        ];
  const spec = ctx.provisioner.connection(provisionContext(ctx));
  const jetstreamDomain = outputs.jetstreamDomain ?? spec.jetstreamDomain;
  const events = [
    deploymentEvent({
      deployment: ctx.deployment,
      runId: ctx.runId,
      change: previous ? 'updated' : 'provisioned',
      natsType: ctx.config.natsType,
      mode: ctx.config.mode,
      urls: outputs.urls,
      jetstreamDomain,
      servers,
      clusterSize: Math.max(1, nodeCount),
      tls: outputs.urls.some((u) => u.includes('tls://')) || spec.tls !== undefined,
    }),
  ];
  if (outputs.account) {
    events.push(
      synadiaCloudConfigEvent({
        deployment: ctx.deployment,
        runId: ctx.runId,
        url: outputs.urls[0],
        accountPublicKey: outputs.account.accountPublicKey,
        userPublicKey: outputs.account.userPublicKey,
        credsFingerprint: outputs.account.credsFingerprint,
        expiresUnixS: outputs.account.credsExpiresAt,
        jetstreamDomain,
      }),
    );
  }
  outputs.nodes.forEach((node, i) => {
    const before = previous?.nodes[i]?.pid;
    if (before !== undefined && node.pid !== undefined && before !== node.pid) {
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
  });
  for (const event of events) {
    try {
      await ctx.events.publish(event);
    } catch (err) {
      ctx.log.warn(`could not record the ${event.type} event: ${(err as Error).message}`);
    }
  }
}
