// Short-lived commands (bootstrap, status, teardown, unlock) make a handful of
// loopback HTTP requests through fetch. Node's fetch parses HTTP with llhttp
// compiled to WebAssembly, and V8 tiers that module up with TurboFan on a
// background thread; at exit the process waits for that compile, which took
// ~150 ms here on every run (measured: `fetch` alone delays exit by 170 ms;
// with --liftoff-only by 1 ms). Baseline (Liftoff) code is plenty for a few
// requests, so these commands keep it. Long-running processes (controller,
// webhook server) are separate processes and keep V8's defaults.
import { setFlagsFromString } from 'node:v8';

let applied = false;

export function preferFastExit(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--liftoff-only');
}
