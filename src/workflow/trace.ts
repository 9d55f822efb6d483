// Timestamps of a run's steps on stderr when NATSGH_DEBUG is set, measured from
// process start, so a slow no-op re-run shows where its time goes (imports,
// connects, verifies) without a profiler. Costs nothing otherwise.
const enabled = Boolean(process.env.NATSGH_DEBUG);

export function trace(label: string): void {
  if (enabled) process.stderr.write(`natsgh-trace +${performance.now().toFixed(0)}ms ${label}\n`);
}

/** Traces the start and end of an async step. */
export async function traced<T>(label: string, step: () => Promise<T>): Promise<T> {
  if (!enabled) return step();
  trace(`${label} …`);
  try {
    return await step();
  } finally {
    trace(`${label} done`);
  }
}
