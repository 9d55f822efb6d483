// Input hashing for the skip rule: a phase's inputs are serialized as stable
// JSON (object keys sorted, undefined dropped) and hashed with SHA-256, so the
// same inputs give the same hash on any machine and in any key order.
import { createHash } from 'node:crypto';

export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof Map)
    return stableJson(Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), v])));
  if (value instanceof Set) return stableJson([...value].map((v) => stableJson(v)).sort());
  if (ArrayBuffer.isView(value))
    return JSON.stringify(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

export function hashInputs(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}
