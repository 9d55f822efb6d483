// command_not_found hook: suggests the closest command ("did you mean") and
// exits 2. It never prompts, so a mistyped command in CI cannot hang.
import type { Hook } from '@oclif/core';

function distance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(
        dp[i - 1][j] + 1,
        dp[i][j - 1] + 1,
        dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return dp[a.length][b.length];
}

export function closestCommand(id: string, ids: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of ids) {
    const score = distance(id, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(2, Math.floor(id.length / 2)) ? best : undefined;
}

const hook: Hook<'command_not_found'> = async (opts) => {
  const ids = opts.config.commands.filter((c) => !c.hidden).map((c) => c.id);
  const typed = opts.id.replaceAll(':', ' ');
  const suggestion = closestCommand(opts.id, ids);
  const hint = suggestion
    ? `Did you mean \`natsgh ${suggestion.replaceAll(':', ' ')}\`?`
    : 'Run `natsgh help` for a list of commands.';
  const json = process.argv.includes('--json');
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ error: { code: 'command_not_found', message: `\`${typed}\` is not a natsgh command.`, suggestions: [hint] } }, null, 2)}\n`,
    );
  } else {
    process.stderr.write(`Error: \`${typed}\` is not a natsgh command. ${hint}\n`);
  }
  process.exit(2);
};

export default hook;
