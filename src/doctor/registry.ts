// The registry of doctor checks, in report order. A new check is one object
// added here; its id is what `--ignore` names.
import type { DoctorCheck } from './check.js';
import { githubTokenCheck } from './checks/github.js';
import { portsCheck, stateDirCheck } from './checks/local.js';
import { credsCheck, natsAccountCheck, natsPermissionsCheck, natsUrlCheck, tlsCheck } from './checks/nats.js';
import {
  dockerCheck,
  dockerEngineCheck,
  gitCheck,
  helmCheck,
  kindCheck,
  kubeContextCheck,
  kubectlCheck,
  natsServerCheck,
  nodeCheck,
  terraformCheck,
} from './checks/tools.js';

export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  nodeCheck,
  natsServerCheck,
  dockerCheck,
  dockerEngineCheck,
  kubectlCheck,
  helmCheck,
  kubeContextCheck,
  kindCheck,
  terraformCheck,
  gitCheck,
  githubTokenCheck,
  credsCheck,
  tlsCheck,
  natsUrlCheck,
  natsPermissionsCheck,
  natsAccountCheck,
  portsCheck,
  stateDirCheck,
];

export const DOCTOR_CHECK_IDS: readonly string[] = DOCTOR_CHECKS.map((c) => c.id);
