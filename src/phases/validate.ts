// validate: the deployment works end to end: NATS is healthy, a KV round trip
// succeeds, the controller answers ping over NATS, the generated files match
// what was rendered. Its verify is the same set of checks. The NATS health
// check and the render are the run's (its memo), shared with provision-nats
// and generate-files.
import { pingController } from '../controller/ping.js';
import { NatsghError } from '../errors.js';
import { BUCKET_CHECKPOINTS } from '../nats/names.js';
import type { PhaseBody } from '../workflow/phase.js';
import { checkoutDir, type PhaseContext, type ProvisionerFields } from './context.js';
import { validateOutputs } from './outputs.js';

export type ValidateContext = PhaseContext<
  ProvisionerFields | 'runId' | 'nats' | 'memo',
  // The hand edits generate-files reported, which are not drift.
  'generate-files'
>;

export const validate: PhaseBody<ValidateContext> = {
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
    return validateOutputs.encode({});
  },

  async verify(ctx) {
    const failures = await validationFailures(ctx);
    return failures.length === 0 ? { ok: true } : { ok: false, reason: failures.join('; ') };
  },
};

/** Every check's failure, by name; empty when all pass. */
export async function validationFailures(ctx: ValidateContext): Promise<string[]> {
  const checks: Array<[string, () => Promise<string | undefined>]> = [
    ['NATS healthy', () => natsHealthy(ctx)],
    ['KV round trip', () => kvRoundTrip(ctx)],
    [
      'controller ping',
      async () =>
        ctx.config.mode !== 'dev' || (await pingController(ctx))
          ? undefined
          : 'no answer on the ping subject',
    ],
    ['generated files', () => filesAsRendered(ctx)],
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

async function natsHealthy(ctx: ValidateContext): Promise<string | undefined> {
  const v = await ctx.memo.natsHealth(ctx);
  if (!v.ok) return v.reason;
  if (!ctx.nats) return 'not connected';
  await ctx.nats.nc.flush();
  return undefined;
}

async function kvRoundTrip(ctx: ValidateContext): Promise<string | undefined> {
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

async function filesAsRendered(ctx: ValidateContext): Promise<string | undefined> {
  const { checkoutDrift } = await import('../render/local-checkout.js');
  const render = await ctx.memo.checkoutRender(ctx);
  const d = await checkoutDrift(checkoutDir(ctx), render, ctx.recorded['generate-files']?.handEdited ?? []);
  return d.length === 0 ? undefined : `differ from the render: ${d.join(', ')}`;
}
