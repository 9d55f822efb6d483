// Every chaos scenario says what it injected and what it checked, so a CI log
// reads as a record of the faults the build survived.
import { withDeadline } from '../../src/system/deadline.js';

export function injected(scenario: string, what: string): void {
  console.log(`[chaos] ${scenario}: injected ${what}`);
}

export function checked(scenario: string, what: string): void {
  console.log(`[chaos] ${scenario}: checked ${what}`);
}

/** Resolves p, or rejects when it takes longer than ms (a hang is a failure, not a stuck suite). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return withDeadline(p, ms, () => new Error(`hang: ${what} took longer than ${ms} ms`));
}
