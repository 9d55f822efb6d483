// prerequisites: the doctor checks the chosen mode needs (failures stop the
// bootstrap with the doctor's hints), and a nats-server binary when natsgh runs
// one on this machine (PATH, cache, verified download, package manager). The
// binary it records is the one provision-nats starts, also on a resumed run.
import { access, constants } from 'node:fs/promises';
import { NatsghError } from '../errors.js';
import type { PhaseBody } from '../workflow/phase.js';
import type { PhaseContext } from './context.js';
import { prerequisitesOutputs } from './outputs.js';

export type PrerequisitesContext = PhaseContext<
  'config' | 'platform' | 'interactive' | 'assumeYes' | 'signal' | 'log',
  'prerequisites'
>;

/** Checks the bootstrap handles itself: the binary is resolved below, and our own server holds its ports on a re-run. */
const HANDLED_HERE = ['nats-server', 'ports'];

export const prerequisites: PhaseBody<PrerequisitesContext> = {
  inputs: (ctx) => ({
    mode: ctx.config.mode,
    natsType: ctx.config.natsType,
    serverBin: ctx.config.nats.serverBin,
    mirror: ctx.config.nats.downloadMirror,
  }),

  async run(ctx, task) {
    const { runDoctor } = await import('../doctor/run.js');
    const { runsLocalNatsServer } = await import('../doctor/check.js');
    const report = await runDoctor({ config: ctx.config, ignore: HANDLED_HERE, signal: ctx.signal });
    for (const c of report.checks) {
      if (c.status === 'warn') task.output(`warning: ${c.title}: ${c.message}`);
    }
    const failed = report.checks.filter((c) => c.status === 'fail');
    if (failed.length > 0) {
      throw new NatsghError(
        `prerequisites missing: ${failed.map((c) => `${c.title}: ${c.message}`).join('; ')}`,
        {
          code: 'prerequisites_failed',
          details: { checks: failed },
          suggestions: [
            ...failed.map((c) => c.hint).filter((h): h is string => Boolean(h)),
            'Run `natsgh doctor` for the full report.',
          ],
        },
      );
    }
    if (!runsLocalNatsServer(ctx.config.mode, ctx.config.natsType)) return prerequisitesOutputs.encode({});
    const { resolveNatsServerBinary } = await import('../system/nats-server-binary.js');
    const natsServer = await resolveNatsServerBinary({
      config: ctx.config,
      platform: ctx.platform,
      interactive: ctx.interactive,
      assumeYes: ctx.assumeYes,
      signal: ctx.signal,
      log: ctx.log,
      confirm: (q) => task.confirm(q),
    });
    task.output(`nats-server ${natsServer.version} (${natsServer.source}): ${natsServer.path}`);
    return prerequisitesOutputs.encode({ natsServer });
  },

  async verify(ctx) {
    const recorded = ctx.recorded.prerequisites;
    if (!recorded) return { ok: false, reason: 'no usable record of the nats-server binary' };
    const bin = recorded.natsServer?.path;
    if (!bin) return { ok: true };
    try {
      await access(bin, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
      return { ok: true };
    } catch {
      return { ok: false, reason: `nats-server ${bin} is gone` };
    }
  },
};
