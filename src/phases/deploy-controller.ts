// deploy-controller: the controller, in every mode, through its mode's adapter
// (deploy/controller/: dev a supervised background process, docker the compose
// service, kubernetes a Deployment). Its inputs are every setting the
// controller acts on (secrets only as a salted digest outside checkpoints,
// compared by verify), so any change of them redeploys it.
import {
  type ControllerAdapter,
  type ControllerContext,
  controllerAdapter,
} from '../deploy/controller/index.js';
import type { PhaseBody } from '../workflow/phase.js';
import {
  type BootstrapContext,
  type PhaseContext,
  type ProvisionerFields,
  provisionContext,
} from './context.js';

/** What this phase reads of a run (its data interface). */
export type DeployControllerContext = PhaseContext<ProvisionerFields | 'cliVersion' | 'nats'>;

function controllerContext(ctx: DeployControllerContext): ControllerContext {
  const pctx = provisionContext(ctx);
  return {
    ...pctx,
    cliVersion: ctx.cliVersion,
    nats: ctx.nats,
    hostServers: () => ctx.provisioner.connection(pctx).servers,
  };
}

/** The phase over the adapter `adapterFor` picks for a mode (tests give a fake one). */
export function deployControllerWith(
  adapterFor: (mode: BootstrapContext['config']['mode']) => ControllerAdapter,
): PhaseBody<DeployControllerContext> {
  return {
    inputs: (ctx) => ({
      mode: ctx.config.mode,
      cliVersion: ctx.cliVersion,
      controller: adapterFor(ctx.config.mode).inputs(controllerContext(ctx)),
    }),

    async run(ctx, task) {
      const adapter = adapterFor(ctx.config.mode);
      const cctx = controllerContext(ctx);
      for (const line of adapter.plan(cctx)) task.output(line);
      return adapter.deploy(cctx, (line) => task.output(line));
    },

    verify: (ctx) => adapterFor(ctx.config.mode).verify(controllerContext(ctx)),

    teardown: (ctx, opts) => adapterFor(ctx.config.mode).teardown(controllerContext(ctx), opts),
  };
}

export const deployController = deployControllerWith(controllerAdapter);
