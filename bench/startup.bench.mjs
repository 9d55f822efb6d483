// Startup time of the CLI against `node -e 0` (issue 2's budgets, issue 15's for
// help): --version ≤ 3.5× and bootstrap --help ≤ 2.5× the baseline, medians of
// at least 7 runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runBenchmark } from './lib.mjs';

const BIN = join(ROOT, 'bin', 'run.js');
const node = (label, args, extra = {}) => ({ label, cmd: process.execPath, args, ...extra });

export default function startup() {
  const cases = [
    node('natsgh --version', [BIN, '--version'], { budget: 3.5 }),
    node('natsgh --help', [BIN, '--help']),
  ];
  if (existsSync(join(ROOT, 'dist', 'commands', 'bootstrap.js'))) {
    cases.push(node('natsgh bootstrap --help', [BIN, 'bootstrap', '--help'], { budget: 2.5 }));
    // The same help rendered by oclif (a terminal that is not 80 columns wide): not budgeted.
    cases.push(
      node('natsgh bootstrap --help (oclif, 100 columns)', [BIN, 'bootstrap', '--help'], {
        env: { OCLIF_COLUMNS: '100' },
      }),
    );
  } else {
    console.log('note: natsgh bootstrap does not exist yet; its --help is not measured');
  }
  // Doctor exits 1 when a check fails on this machine; its time is what is measured.
  cases.push(node('natsgh doctor --json', [BIN, 'doctor', '--json'], { allowFailure: true }));
  return runBenchmark({ name: 'startup', baseline: node('node -e 0', ['-e', '0']), cases });
}
