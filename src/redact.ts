// Redaction of secrets from everything natsgh prints, logs, checkpoints or
// publishes. Known secret values (registered at config load) are replaced
// exactly; well-known secret shapes are replaced by pattern.

const known = new Set<string>();

/** Register a secret value (token, webhook secret, seed, password) so it is never printed. */
export function registerSecret(value: string | undefined | null): void {
  if (!value) return;
  const v = value.trim();
  // Very short values would redact ordinary words; they are still covered by patterns.
  if (v.length >= 6) known.add(v);
}

export function clearRegisteredSecrets(): void {
  known.clear();
}

const PATTERNS: Array<[RegExp, string]> = [
  // GitHub tokens: classic, fine-grained, OAuth, app installation/user/refresh.
  [/\bgh[pousr]_[A-Za-z0-9]{20,255}\b/g, '[REDACTED:github-token]'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,255}\b/g, '[REDACTED:github-token]'],
  // NKey seeds: "S" + type prefix, base32, 58 chars in all.
  [/\bS[UANOCX][A-Z2-7]{56}\b/g, '[REDACTED:nkey-seed]'],
  // PEM private keys (GitHub App keys, TLS keys).
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[REDACTED:private-key]'],
  // Passwords in URLs: scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):([^\s@/]+)@/gi, '$1:[REDACTED]@'],
  // Authorization headers.
  [/\b(authorization:\s*(?:token|bearer|basic)\s+)[^\s"']+/gi, '$1[REDACTED]'],
];

export function redact(text: string): string {
  let out = text;
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}

/** Deep-redacts every string in a JSON-like value. */
export function redactValue<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactValue(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v);
    return out as T;
  }
  return value;
}
