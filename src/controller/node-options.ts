// The Node.js options the controller process runs with. V8 grows the young
// generation's semi-spaces up to 16 MB each under a steady stream of small
// allocations (one decision per event); capped at 1 MB the controller's peak
// RSS stays ~78 MB idle and after 20,000 events instead of ~85 → 91 MB, at the
// same event rate (bench/controller-rss.bench.mjs). V8 reads the option only at
// start, so whoever starts the controller passes it (NODE_OPTIONS).
export const CONTROLLER_V8_OPTIONS = ['--max-semi-space-size=1'] as const;

/** NODE_OPTIONS for a controller process: the inherited options plus CONTROLLER_V8_OPTIONS. */
export function controllerNodeOptions(inherited: string | undefined = process.env.NODE_OPTIONS): string {
  const have = (inherited ?? '').split(/\s+/).filter(Boolean);
  const missing = CONTROLLER_V8_OPTIONS.filter((o) => !have.some((h) => h.split('=')[0] === o.split('=')[0]));
  return [...have, ...missing].join(' ');
}
