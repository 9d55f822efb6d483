// Runs doctor checks concurrently, each under its own timeout. A check that
// throws or hangs becomes a failed row ("crashed: ..."), never a dead report;
// --ignore turns named failures into warnings. Every row is redacted.
import { errorMessage } from '../errors.js';
import { redactValue } from '../redact.js';
import type { CheckOutcome, CheckRow, DoctorCheck, DoctorContext, DoctorReport } from './check.js';

export interface RunChecksOptions {
  /** Per-check time limit (default 15 s). */
  timeoutMs?: number;
  /** Check ids whose failure is reported as a warning. */
  ignore?: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 15_000;

async function runOne(check: DoctorCheck, base: DoctorContext, timeoutMs: number): Promise<CheckOutcome> {
  let applies: true | string;
  try {
    applies = check.appliesTo(base);
  } catch (err) {
    return crashed(err);
  }
  if (applies !== true) return { status: 'skip', message: applies };
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(base.signal.reason);
  base.signal.addEventListener('abort', onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      resolve({
        status: 'fail',
        message: `timed out after ${timeoutMs / 1000} s`,
        hint: `Something this check waits for does not answer; run it again, or --ignore ${check.id} to go on.`,
      });
    }, timeoutMs);
  });
  try {
    return await Promise.race([check.run({ ...base, signal: controller.signal }).catch(crashed), timeout]);
  } finally {
    clearTimeout(timer);
    base.signal.removeEventListener('abort', onOuterAbort);
    controller.abort();
  }
}

function crashed(err: unknown): CheckOutcome {
  return {
    status: 'fail',
    message: `crashed: ${errorMessage(err)}`,
    hint: 'This check itself failed (a bug in natsgh doctor, or an environment it does not expect); re-run with NATSGH_DEBUG=1 and report it.',
  };
}

export async function runChecks(
  checks: readonly DoctorCheck[],
  ctx: DoctorContext,
  opts: RunChecksOptions = {},
): Promise<DoctorReport> {
  const ignore = new Set(opts.ignore ?? []);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const outcomes = await Promise.all(checks.map((check) => runOne(check, ctx, timeoutMs)));
  const rows: CheckRow[] = checks.map((check, i) => {
    const o = outcomes[i];
    const row: CheckRow = {
      id: check.id,
      title: check.title,
      status: o.status,
      message: o.message,
      hint: o.hint ?? null,
    };
    if (o.status === 'ok' || o.status === 'skip') row.hint = null;
    if (o.status === 'fail' && ignore.has(check.id)) {
      row.status = 'warn';
      row.ignored = true;
      row.message = `${o.message} (ignored by --ignore ${check.id})`;
    }
    return row;
  });
  return redactValue({ ok: rows.every((r) => r.status !== 'fail'), checks: rows });
}
