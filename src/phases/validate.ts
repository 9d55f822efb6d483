// validate: the deployment works end to end: NATS is healthy, a KV round trip
// succeeds, the controller answers ping over NATS, the generated files match
// what was rendered. Its verify is the same set of checks.

import { pingController } from '../controller/ping.js';
import { NatsghError } from '../errors.js';
import { BUCKET_CHECKPOINTS } from '../nats/names.js';
import type { PhaseBody } from '../workflow/phase.js';
import type { BootstrapContext } from './context.js';
import { unexpectedDifferences } from './generate-files.js';
import { verifyNatsOnce } from './provision-nats.js';

async function kvRoundTrip(ctx: BootstrapContext): Promise<string | undefined> {
  if (!ctx.nats) return 'NATS is not reachable';
  const { jetstream } = await import('@nats-io/jetstream');
  const { Kvm } = await import('@nats-io/kv');
  const { jetstreamOptions } = await import('../nats/connect.js');
  const kv = await new Kvm(jetstream(ctx.nats.nc, jetstreamOptions(ctx.nats.spec))).open(BUCKET_CHECKPOINTS);
  const key = `${ctx.deployment}.validate.${ctx.runId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const value = `${Date.now()}`;
  await kv.put(key, value);
  const got = await kv.get(key);
  await kv.purge(key);
  return got?.string() === value
    ? undefined
    : `read back ${JSON.stringify(got?.string() ?? null)} instead of ${value}`;
}

/** Every check's failure, by name; empty when all pass. */
export async function validationFailures(ctx: BootstrapContext): Promise<string[]> {
  const checks: Array<[string, () => Promise<string | undefined>]> = [
    [
      'NATS healthy',
      async () => {
        const v = await verifyNatsOnce(ctx);
        if (!v.ok) return v.reason;
        if (!ctx.nats) return 'not connected';
        await ctx.nats.nc.flush();
        return undefined;
      },
    ],
    ['KV round trip', () => kvRoundTrip(ctx)],
    [
      'controller ping',
      async () =>
        ctx.config.mode !== 'dev' || (await pingController(ctx))
          ? undefined
          : 'no answer on the ping subject',
    ],
    [
      'generated files',
      async () => {
        const d = await unexpectedDifferences(ctx);
        return d.length === 0 ? undefined : `differ from the render: ${d.join(', ')}`;
      },
    ],
  ];
  const results = await Promise.all(
    checks.map(async ([name, check]) => {
      try {
        const why = await check();
        return why ? `${name}: ${why}` : undefined;
      } catch (err) {
        return `${name}: ${(err as Error).message}`;
      }
    }),
  );
  return results.filter((r): r is string => r !== undefined);
}

export const validate: PhaseBody<BootstrapContext> = {
  inputs: (ctx) => ({ deployment: ctx.deployment, mode: ctx.config.mode }),
  async run(ctx, task) {
    const failures = await validationFailures(ctx);
    if (failures.length > 0) {
      throw new NatsghError(`validation failed: ${failures.join('; ')}`, {
        code: 'validation_failed',
        details: { failures },
        suggestions: ['Run `natsgh status` to see what is unhealthy, then `natsgh bootstrap` again.'],
      });
    }
    task.output('NATS, KV, controller and files are all as expected');
    return {};
  },
  async verify(ctx) {
    const failures = await validationFailures(ctx);
    return failures.length === 0 ? { ok: true } : { ok: false, reason: failures.join('; ') };
  },
};
