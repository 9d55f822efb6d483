// Redaction of secrets from everything natsgh prints, logs, checkpoints or
// publishes. Known secret values (registered at config load) are replaced
// exactly; well-known secret shapes are replaced by pattern.

/** A registered secret and the ways it appears in text: as is, and escaped inside a JSON string. */
interface KnownSecret {
  forms: string[];
  /** Short secrets are matched only as a whole token, so they do not eat parts of ordinary words. */
  token?: RegExp;
}

const known = new Map<string, KnownSecret>();
let ordered: KnownSecret[] = [];
const SHORT = 6;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Register a secret value (token, webhook secret, seed, password) so it is never printed. */
export function registerSecret(value: string | undefined | null): void {
  if (!value) return;
  const v = value.trim();
  if (!v || known.has(v)) return;
  const forms = [v];
  const escaped = JSON.stringify(v).slice(1, -1);
  if (escaped !== v) forms.push(escaped);
  const entry: KnownSecret = { forms };
  if (v.length < SHORT) {
    const alternatives = forms.map(escapeRegExp).join('|');
    entry.token = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives})(?![A-Za-z0-9])`, 'g');
  }
  known.set(v, entry);
  // Longest first: a short secret inside a longer one must not break the longer one's match.
  ordered = [...known.entries()].sort((a, b) => b[0].length - a[0].length).map(([, e]) => e);
}

export function clearRegisteredSecrets(): void {
  known.clear();
  ordered = [];
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
  for (const secret of ordered) {
    if (secret.token) {
      out = out.replace(secret.token, '[REDACTED]');
      continue;
    }
    for (const form of secret.forms) {
      if (out.includes(form)) out = out.split(form).join('[REDACTED]');
    }
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

/**
 * One line whatever it quotes: payloads, delivery ids, event fields and error texts
 * come from whoever published them on NATS, so control characters (a newline forging a log
 * line, terminal escapes) are written as escapes.
 */
export function oneLogLine(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
