// Rejects a --mode / --nats-type pair that makes no sense, naming the ones that do.
import { UsageError } from '../errors.js';
import { MODES, type Mode, type NatsType, VALID_COMBINATIONS } from './keys.js';

export function assertValidCombination(mode: Mode, natsType: NatsType): void {
  if (VALID_COMBINATIONS[mode].includes(natsType)) return;
  const valid = MODES.map((m) => `--mode ${m}: ${VALID_COMBINATIONS[m].join(', ')}`).join('; ');
  throw new UsageError(`--mode ${mode} does not go with --nats-type ${natsType}`, {
    code: 'invalid_combination',
    details: { mode, natsType, valid: VALID_COMBINATIONS },
    suggestions: [
      `Valid combinations: ${valid}.`,
      mode === 'dev' ? '' : `For ${mode}, try --nats-type self_hosted or --nats-type synadia.`,
    ].filter(Boolean),
  });
}
