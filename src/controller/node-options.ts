// The Node.js options the controller process runs with. V8 grows the young
// generation's semi-spaces up to 16 MB each under a steady stream of small
// allocations (one decision per event): capped at 1 MB, the peak RSS no longer
// grows under load (~85 → 91 MB before). One V8 platform worker thread instead
// of one per core saves another ~5 MB; the controller's work is I/O, one event
// at a time. Measured by bench/controller-rss.bench.mjs at the same event rate.
// V8 reads these only at start, so whoever starts the controller passes them
// (NODE_OPTIONS).
export const CONTROLLER_V8_OPTIONS = ['--max-semi-space-size=1', '--v8-pool-size=1'] as const;

/** NODE_OPTIONS for a controller process: the inherited options plus CONTROLLER_V8_OPTIONS. */
export function controllerNodeOptions(inherited: string | undefined = process.env.NODE_OPTIONS): string {
  const have = (inherited ?? '').split(/\s+/).filter(Boolean);
  const missing = CONTROLLER_V8_OPTIONS.filter((o) => !have.some((h) => h.split('=')[0] === o.split('=')[0]));
  return [...have, ...missing].join(' ');
}
