// Fault points the test suites drive through the environment, read only here:
// NATSGH_TEST_CRASH_AT=<phase>:<before|mid|after> kills the process with SIGKILL
// at that point of the phase's run; NATSGH_TEST_PAUSE_AT=<phase> holds the run
// in that phase until it is interrupted. Unset, they cost nothing.
import type { RunnerHooks } from '../workflow/runner.js';

export function testHooks<C>(): Pick<RunnerHooks<C>, 'at' | 'pauseAt'> {
  const crashAt = process.env.NATSGH_TEST_CRASH_AT || undefined;
  const pauseAt = process.env.NATSGH_TEST_PAUSE_AT || undefined;
  if (!crashAt && !pauseAt) return {};
  return {
    at: (phaseId, point) => {
      if (crashAt === `${phaseId}:${point}`) process.kill(process.pid, 'SIGKILL');
    },
    pauseAt: (phaseId) => {
      if (pauseAt !== phaseId) return false;
      process.stderr.write(`natsgh-test: paused in ${phaseId}\n`);
      return true;
    },
  };
}
