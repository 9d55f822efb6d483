// command_not_found hook: suggests the closest command ("did you mean") and
// exits 2. It never prompts, so a mistyped command in CI cannot hang.
import type { Hook } from '@oclif/core';
import type { ErrorCode } from '../error-codes.js';
import { closestMatch } from '../system/suggest.js';

const hook: Hook<'command_not_found'> = async (opts) => {
  const ids = opts.config.commands.filter((c) => !c.hidden).map((c) => c.id);
  const typed = opts.id.replaceAll(':', ' ');
  const suggestion = closestMatch(opts.id, ids);
  const hint = suggestion
    ? `Did you mean \`natsgh ${suggestion.replaceAll(':', ' ')}\`?`
    : 'Run `natsgh help` for a list of commands.';
  const json = process.argv.includes('--json');
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ error: { code: 'command_not_found' satisfies ErrorCode, message: `\`${typed}\` is not a natsgh command.`, suggestions: [hint] } }, null, 2)}\n`,
    );
  } else {
    process.stderr.write(`Error: \`${typed}\` is not a natsgh command. ${hint}\n`);
  }
  process.exit(2);
};

export default hook;
