import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { commonFlags, configFlags } from '../cli/flags.js';
import { GITHUB_KEYS } from '../config/keys.js';
import { ExitCode } from '../errors.js';
import type { GenerateResult } from '../services/generate.js';

export default class Generate extends BaseCommand<GenerateResult> {
  static summary = "Render the org's .github files into a local checkout, or commit them to the repository.";
  static description =
    "Renders templates/github/** with the configuration, the target's natsgh.yaml (variables, which files, opt-outs) and its natsgh/templates/** overrides. --output-dir writes a local checkout (unchanged files are not rewritten, files natsgh never generated are never touched, hand edits are reported and kept); --repo OWNER/NAME commits every changed file as one commit through the Git Data API. --check changes nothing and exits 1 when the target differs, listing the files.";
  static examples = [
    '<%= config.bin %> generate --output-dir ../.github --org acme',
    '<%= config.bin %> generate --output-dir ../.github --org acme --check',
    'GITHUB_TOKEN=... <%= config.bin %> generate --repo acme/.github',
    'GITHUB_TOKEN=... <%= config.bin %> generate --repo acme/.github --check --json',
  ];
  static flags = {
    ...commonFlags,
    ...configFlags('org', 'deployment', 'stateDir', 'outputDir', ...GITHUB_KEYS),
    repo: Flags.string({
      description: 'Commit to this repository (OWNER/NAME) through the GitHub API instead.',
    }),
    check: Flags.boolean({ description: 'Change nothing; exit 1 when the target differs from the render.' }),
  };

  protected async execute(): Promise<GenerateResult> {
    const { flags } = await this.parse(Generate);
    const { config } = await this.resolveConfig(flags);
    const { generateFiles } = await import('../services/generate.js');
    const result = await generateFiles({
      config,
      outputDir: flags['output-dir'],
      repo: flags.repo,
      check: flags.check,
    });
    if (result.check && !result.matches) this.resultExitCode = ExitCode.failed;
    return result;
  }

  protected render(r: GenerateResult): void {
    if (r.check) {
      if (r.matches) this.out(`${r.target} matches the render (${r.hash.slice(0, 12)})`);
      else {
        this.out(`${r.target} differs from the render in ${r.differing.length} file(s):`);
        for (const p of r.differing) this.out(`  ${p}`);
      }
      return;
    }
    if (r.commit) this.out(`committed ${r.commit} to ${r.target} (${r.written.length} files)`);
    else if (r.written.length > 0) this.out(`wrote ${r.written.length} file(s) to ${r.target}`);
    else this.out(`${r.target} is up to date (${r.hash.slice(0, 12)})`);
    for (const p of r.handEdited)
      this.note(`kept hand-edited ${p} (natsgh generated it earlier; delete it to regenerate)`);
    for (const p of r.notOwned) this.note(`left ${p} alone (natsgh did not generate it)`);
  }
}
