// provision-nats: converges the NATS this deployment uses through its
// provisioner (embedded, local cluster, docker, helm, synadia, hybrid). The
// provisioner finds what already runs, so a re-run never starts a second server.
import type { Phase, PhaseContext } from '../engine/phase.js';
import type { ProvisionContext } from '../provision/provisioner.js';

/** The provisioner's view of a phase context; the nats-server binary found by prerequisites is passed on. */
export function provisionContext(ctx: PhaseContext): ProvisionContext {
  const bin = ctx.outputs.prerequisites?.natsServerBin;
  const config =
    bin && !ctx.config.nats.serverBin
      ? { ...ctx.config, nats: { ...ctx.config.nats, serverBin: bin } }
      : ctx.config;
  return {
    config,
    deployment: ctx.deployment,
    stateDir: ctx.stateDir,
    platform: ctx.platform,
    interactive: ctx.interactive,
    assumeYes: ctx.assumeYes,
    signal: ctx.signal,
    log: ctx.log,
  };
}

/** What decides the NATS deployment's shape; no secrets (auth files are named by path). */
export function natsInputs(ctx: PhaseContext): Record<string, unknown> {
  const n = ctx.config.nats;
  return {
    mode: ctx.config.mode,
    natsType: ctx.config.natsType,
    url: n.url,
    port: n.port,
    monitorPort: n.monitorPort,
    jetstreamDomain: n.jetstreamDomain,
    replicas: ctx.config.natsType === 'self_hosted_cluster' ? n.replicas : undefined,
    hubUrl: n.hubUrl,
    credsFile: n.credsFile,
    nkeyFile: n.nkeyFile,
    user: n.user,
    tls: n.tls,
    namespace: ctx.config.mode === 'kubernetes' ? ctx.config.namespace : undefined,
  };
}

export const provisionNatsPhase: Phase = {
  id: 'provision-nats',
  title: 'Provision NATS',
  dependsOn: ['prerequisites'],
  inputs: (ctx) => ({ nats: natsInputs(ctx), stateDir: ctx.stateDir }),
  async run(ctx, task) {
    const pctx = provisionContext(ctx);
    for (const step of await ctx.provisioner.plan(pctx)) task.output(step.action);
    const result = await ctx.provisioner.apply(pctx);
    task.output(`NATS at ${result.servers.join(', ')}`);
    return { ...result.outputs, url: result.servers.join(',') };
  },
  verify: (ctx) => ctx.provisioner.verify(provisionContext(ctx)),
  teardown: (ctx, opts) => ctx.provisioner.teardown(provisionContext(ctx), opts),
};
