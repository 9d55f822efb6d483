import { randomBytes } from 'node:crypto';

/** A run's id: its UTC start time and 6 random hex digits (20261129T142647-a1b2c3). */
export function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`;
}
