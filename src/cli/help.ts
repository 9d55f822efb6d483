// natsgh's help class (package.json oclif.helpClass): oclif's own help, except
// that texts are filled in by looking up their <%= path %> placeholders instead
// of compiling each text as an EJS template (one compiled template per flag was
// a quarter of `natsgh bootstrap --help`). natsgh's texts and oclif's usage
// lines use only such plain lookups (config.bin, command.id).
import { type Command, type CommandHelp, Help, type Interfaces } from '@oclif/core';

/** Replaces each <%= a.b %> in text with that path's value in context. */
export function fillTemplate(text: string, context: object): string {
  if (!text.includes('<%')) return text;
  return text.replace(/<%=\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*%>/g, (whole, path: string) => {
    const value = path.split('.').reduce<any>((o, k) => o?.[k], context);
    return value === undefined || value === null ? whole : String(value);
  });
}

export default class NatsghHelp extends Help {
  constructor(config: Interfaces.Config, opts?: Partial<Interfaces.HelpOptions>) {
    super(config, opts);
    this.render = (text) => fillTemplate(text, this);
  }

  protected getCommandHelpClass(command: Command.Loadable): CommandHelp {
    const help = super.getCommandHelpClass(command);
    help.render = (text) => fillTemplate(text, help);
    return help;
  }
}
