// The entry of natsgh's one-file bundle (dist/bundle/natsgh.cjs, built by
// scripts/bundle.mjs as the last step of `npm run build`): oclif, natsgh's
// commands and the services they import, in one CommonJS file that bin/run.js
// compiles with a V8 code cache. package.json's oclif section points oclif at it
// (the explicit command strategy: `COMMANDS`, the help class `Help`, the hook
// `notFound`), so oclif still finds the commands, parses their flags and renders
// help and errors, from the oclif bundled here rather than a few hundred files.
import { execute, settings } from '@oclif/core';
import Bootstrap from '../commands/bootstrap.js';
import ConfigCommand from '../commands/config.js';
import ControllerRun from '../commands/controller/run.js';
import Doctor from '../commands/doctor.js';
import EventsPublish from '../commands/events/publish.js';
import EventsTail from '../commands/events/tail.js';
import Generate from '../commands/generate.js';
import Status from '../commands/status.js';
import Teardown from '../commands/teardown.js';
import Unlock from '../commands/unlock.js';
import WebhookRegister from '../commands/webhook/register.js';
import WebhookServe from '../commands/webhook/serve.js';
import notFound from '../hooks/not-found.js';
import Help from './help.js';

/** Every natsgh command by its oclif id (package.json oclif.commands, strategy explicit). */
export const COMMANDS = {
  bootstrap: Bootstrap,
  config: ConfigCommand,
  'controller:run': ControllerRun,
  doctor: Doctor,
  'events:publish': EventsPublish,
  'events:tail': EventsTail,
  generate: Generate,
  status: Status,
  teardown: Teardown,
  unlock: Unlock,
  'webhook:register': WebhookRegister,
  'webhook:serve': WebhookServe,
};

export { Help, notFound };

/** Runs natsgh as oclif's bin script would: `root` is the package directory. */
export async function run(root: string): Promise<void> {
  // natsgh ships compiled JavaScript: oclif must not look for TypeScript sources to
  // transpile (it would under NODE_ENV=test or development).
  settings.enableAutoTranspile = false;
  await execute({ dir: root, loadOptions: { root } });
}
