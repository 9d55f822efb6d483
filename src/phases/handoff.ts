// handoff: copies the local journal's checkpoints into KV natsgh_checkpoints.
// From here on KV is the source of truth, so a later run on any machine (a
// fresh CI runner) resumes from it.

import { NatsghError } from '../errors.js';
import type { PhaseBody } from '../workflow/phase.js';
import { type PhaseContext, type ProvisionerFields, provisionContext } from './context.js';
import type { PhaseId } from './list.js';
import { handoffOutputs } from './outputs.js';

export type HandoffContext = PhaseContext<ProvisionerFields | 'nats' | 'checkpoints'>;

/** Phases whose checkpoints exist before NATS does. */
const BEFORE_NATS: PhaseId[] = ['prerequisites', 'provision-nats'];

export const handoff: PhaseBody<HandoffContext> = {
  // Inputs come from the configuration only: they are hashed before any phase runs.
  inputs: (ctx) => ({ servers: ctx.provisioner.connection(provisionContext(ctx)).servers }),

  async run(ctx, task) {
    if (!ctx.nats || !ctx.checkpoints)
      throw new NatsghError('NATS is not reachable, so checkpoints cannot move into KV', {
        code: 'nats_unreachable',
      });
    const copied = await ctx.checkpoints.handoff(BEFORE_NATS);
    task.output(
      copied.length > 0 ? `copied ${copied.join(', ')} into KV` : 'KV already holds every checkpoint',
    );
    return handoffOutputs.encode({ copied: copied.length });
  },

  async verify(ctx) {
    if (!ctx.nats || !ctx.checkpoints) return { ok: false, reason: 'NATS is not reachable' };
    return (await ctx.checkpoints.handedOff(BEFORE_NATS))
      ? { ok: true }
      : { ok: false, reason: 'KV lacks checkpoints the journal has' };
  },
};
