// oclif flags derived from the configuration table, so every command spells a
// setting the same way and `natsgh config` can say which flag set it.

import { Flags } from '@oclif/core';
import { CONFIG_KEYS, type ConfigKey } from '../config/keys.js';
import { InternalError } from '../errors.js';

function flagFor(key: ConfigKey) {
  const envNote = key.env.length > 0 ? ` [env: ${key.env.join(', ')}]` : '';
  const description = `${key.description}${envNote}`;
  const helpGroup = key.path.includes('.') ? key.path.split('.')[0].toUpperCase() : 'GLOBAL';
  switch (key.type) {
    case 'int':
      return Flags.integer({ description, helpGroup, min: key.min, max: key.max });
    case 'bool':
      return Flags.boolean({ description, helpGroup, allowNo: true });
    case 'enum':
      return Flags.string({ description, helpGroup, options: [...key.values!] });
    default:
      return Flags.string({ description, helpGroup });
  }
}

/** Flags for the named config keys (by path), e.g. configFlags('mode', 'natsType', 'nats.port'). */
export function configFlags(...paths: string[]): Record<string, ReturnType<typeof flagFor>> {
  const out: Record<string, ReturnType<typeof flagFor>> = {};
  for (const path of paths) {
    const key = CONFIG_KEYS.find((k) => k.path === path);
    if (!key) throw new InternalError(`unknown config key ${path}`);
    out[key.flag] = flagFor(key);
  }
  return out;
}

/** Every configuration key as a flag (bootstrap, config). */
export function allConfigFlags() {
  return configFlags(...CONFIG_KEYS.map((k) => k.path));
}

/** The NATS connection flags (url, auth, TLS, domain) every NATS-using command takes. */
export const NATS_CONNECTION_KEYS = [
  'deployment',
  'stateDir',
  'natsType',
  'nats.url',
  'nats.port',
  'nats.credsFile',
  'nats.nkeyFile',
  'nats.user',
  'nats.password',
  'nats.token',
  'nats.jetstreamDomain',
  'nats.tls.ca',
  'nats.tls.cert',
  'nats.tls.key',
] as const;

export const commonFlags = {
  config: Flags.string({
    description: 'Config file to use instead of searching for one.',
    helpGroup: 'GLOBAL',
  }),
  yes: Flags.boolean({
    char: 'y',
    description: 'Answer yes to every question; never prompt (also when CI is set or stdin is not a TTY).',
    helpGroup: 'GLOBAL',
  }),
};
