// `natsgh doctor --remote`: asks the running controller, over NATS request/reply
// on natsgh.<deployment>.controller.doctor, to run the doctor's checks from
// where it runs, and returns its report.
import type { NatsghConfig } from '../config/keys.js';
import type { DoctorReport } from '../doctor/check.js';
import { NatsghError } from '../errors.js';
import { connectionSpecFromConfig, connectNats } from '../nats/connect.js';

export function controllerDoctorSubject(deployment: string): string {
  return `natsgh.${deployment}.controller.doctor`;
}

export async function askControllerDoctor(
  config: NatsghConfig,
  opts: { ignore: string[]; timeoutMs?: number },
): Promise<DoctorReport> {
  const nc = await connectNats(connectionSpecFromConfig(config), { name: 'natsgh-doctor-remote' });
  try {
    let reply: { ok?: boolean; checks?: unknown; error?: string };
    try {
      const msg = await nc.request(
        controllerDoctorSubject(config.deployment),
        JSON.stringify({ ignore: opts.ignore }),
        {
          timeout: opts.timeoutMs ?? 30_000,
        },
      );
      reply = JSON.parse(msg.string());
    } catch (err) {
      const text = String((err as Error)?.message ?? err);
      throw new NatsghError(
        /no responders|503/i.test(text)
          ? `no controller of deployment "${config.deployment}" answered (is it running?)`
          : `the controller of deployment "${config.deployment}" did not answer: ${text}`,
        {
          code: 'controller_unreachable',
          cause: err,
          suggestions: [
            'Check it with `natsgh status`; start it with `natsgh controller run` or `natsgh bootstrap`.',
          ],
        },
      );
    }
    if (!Array.isArray(reply.checks)) {
      throw new NatsghError(`the controller could not run its checks: ${reply.error ?? 'no report'}`, {
        code: 'controller_doctor_failed',
        suggestions: ['See the controller log in the state dir, or run `natsgh doctor` where it runs.'],
      });
    }
    return reply as DoctorReport;
  } finally {
    await nc.close();
  }
}
