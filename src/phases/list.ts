// The bootstrap's phases, once: id, title and dependencies, in dependency
// order (DESIGN.md, "The bootstrap"). What each phase does is in its own file,
// loaded by phases/index.ts only when a run needs it, so `--graph`, `status`
// and the help text read this list without loading any phase.
import type { PhaseMeta } from '../workflow/phase.js';

export const PHASE_LIST = [
  { id: 'prerequisites', title: 'Check prerequisites', dependsOn: [] },
  { id: 'provision-nats', title: 'Provision NATS', dependsOn: ['prerequisites'] },
  { id: 'handoff', title: 'Hand checkpoints over to NATS KV', dependsOn: ['provision-nats'] },
  { id: 'deploy-controller', title: 'Deploy the controller', dependsOn: ['handoff'] },
  { id: 'generate-files', title: 'Generate the .github files', dependsOn: ['prerequisites'] },
  { id: 'terraform', title: 'Apply the Terraform module', dependsOn: ['handoff'] },
  {
    id: 'validate',
    title: 'Validate the deployment',
    dependsOn: ['provision-nats', 'deploy-controller', 'generate-files'],
  },
] as const satisfies readonly PhaseMeta[];

export type PhaseId = (typeof PHASE_LIST)[number]['id'];

export const PHASE_IDS: readonly PhaseId[] = PHASE_LIST.map((p) => p.id);
