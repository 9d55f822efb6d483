import { describe, expect, it } from 'vitest';
import { errorDocument } from '../../src/cli/base-command.js';
import { NatsghError } from '../../src/errors.js';
import { redact, redactValue, registerSecret } from '../../src/redact.js';

const SECRETS = {
  classic: 'ghp_0123456789abcdefghijABCDEFGHIJ012345',
  fineGrained: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV',
  installation: 'ghs_0123456789abcdefghijABCDEFGHIJ012345',
  seed: `SUA${'B'.repeat(55)}`,
  pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx\nabc+/=\n-----END RSA PRIVATE KEY-----',
};

describe('redact', () => {
  it.each(Object.entries(SECRETS))('removes a %s by its shape', (_kind, secret) => {
    const out = redact(`before ${secret} after`);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/^before \[REDACTED[^\]]*\] after$/);
  });

  it('removes passwords in URLs but keeps the user and host', () => {
    expect(redact('connect nats://alice:s3cr%40t@nats.example:4222 now')).toBe(
      'connect nats://alice:[REDACTED]@nats.example:4222 now',
    );
    expect(redact('https://x-access-token:abc123def@github.com/acme/.github.git')).toBe(
      'https://x-access-token:[REDACTED]@github.com/acme/.github.git',
    );
  });

  it('removes registered secrets (webhook secrets) wherever they appear', () => {
    registerSecret('my-webhook-secret-42');
    expect(redact('sig for my-webhook-secret-42 failed')).toBe('sig for [REDACTED] failed');
  });

  it('removes short secrets too, as whole tokens (not inside ordinary words)', () => {
    registerSecret('abc');
    registerSecret('p4s');
    expect(redact('abc')).toBe('[REDACTED]');
    expect(redact('password=p4s; user=abcdef')).toBe('password=[REDACTED]; user=abcdef');
    expect(JSON.stringify(redactValue({ password: 'p4s' }))).toBe('{"password":"[REDACTED]"}');
  });

  it('removes secrets holding " or \\ also once JSON-escaped', () => {
    const quoted = 'pa"ss\\word-42';
    registerSecret(quoted);
    registerSecret('x"y');
    const json = JSON.stringify({ error: `login with ${quoted} failed`, other: 'x"y' });
    expect(json).not.toContain(quoted);
    const out = redact(json);
    expect(out).toBe('{"error":"login with [REDACTED] failed","other":"[REDACTED]"}');
    expect(redactValue({ e: `with ${quoted}` })).toEqual({ e: 'with [REDACTED]' });
  });

  it('redacts deeply, including error documents', () => {
    const doc = errorDocument(
      new NatsghError(`push with ${SECRETS.classic} failed`, {
        code: 'internal',
        suggestions: [`retry without ${SECRETS.seed}`],
        details: { url: 'nats://u:pw123456@h:1' },
      }),
    );
    const text = JSON.stringify(doc);
    for (const s of [SECRETS.classic, SECRETS.seed, 'pw123456']) expect(text).not.toContain(s);
    expect(redactValue({ list: [SECRETS.installation], n: 3 })).toEqual({
      list: ['[REDACTED:github-token]'],
      n: 3,
    });
  });

  it('leaves ordinary text alone', () => {
    const text = 'nats://127.0.0.1:4222 SUBJECT natsgh.events.default ghp_short';
    expect(redact(text)).toBe(text);
  });
});
