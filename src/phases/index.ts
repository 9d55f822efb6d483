// The bootstrap's phases with their bodies, in the order of phases/list.ts.
// Bodies load lazily: a command pays only for the phases it runs.
import type { Phase, PhaseBody } from '../workflow/phase.js';
import type { BootstrapContext } from './context.js';
import { PHASE_LIST, type PhaseId } from './list.js';

export type BootstrapPhase = Phase<BootstrapContext, PhaseId>;

const BODIES: Record<PhaseId, () => Promise<PhaseBody<BootstrapContext>>> = {
  prerequisites: async () => (await import('./prerequisites.js')).prerequisites,
  'provision-nats': async () => (await import('./provision-nats.js')).provisionNats,
  handoff: async () => (await import('./handoff.js')).handoff,
  'deploy-controller': async () => (await import('./deploy-controller.js')).deployController,
  'generate-files': async () => (await import('./generate-files.js')).generateFiles,
  terraform: async () => (await import('./terraform.js')).terraform,
  validate: async () => (await import('./validate.js')).validate,
};

/** Every phase, meta and body, in dependency order. */
export async function loadPhases(): Promise<BootstrapPhase[]> {
  return Promise.all(PHASE_LIST.map(async (meta) => ({ ...meta, ...(await BODIES[meta.id]()) })));
}

/** One phase's meta from the list with a body (tests run a phase, or a stand-in for it, alone). */
export function phaseOf(id: PhaseId, body: PhaseBody<BootstrapContext>): BootstrapPhase {
  const meta = PHASE_LIST.find((p) => p.id === id)!;
  return { ...meta, ...body };
}
