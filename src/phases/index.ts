// The bootstrap's phases in dependency order (DESIGN.md, "The bootstrap").
import type { Phase } from '../engine/phase.js';
import { deployControllerPhase } from './deploy-controller.js';
import { generateFilesPhase } from './generate-files.js';
import { handoffPhase } from './handoff.js';
import { prerequisitesPhase } from './prerequisites.js';
import { provisionNatsPhase } from './provision-nats.js';
import { terraformPhase } from './terraform.js';
import { validatePhase } from './validate.js';

export const PHASES: readonly Phase[] = [
  prerequisitesPhase,
  provisionNatsPhase,
  handoffPhase,
  deployControllerPhase,
  generateFilesPhase,
  terraformPhase,
  validatePhase,
];
