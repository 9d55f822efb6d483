// Verifies X-Hub-Signature-256 (HMAC-SHA256 of the raw body) while the body
// streams in, against every configured secret (rotation), timing-safe.
import { createHmac, type Hmac, timingSafeEqual } from 'node:crypto';

export interface SignatureVerifier {
  update(chunk: Uint8Array): void;
  /** True when the header matches the HMAC of the body under any secret. */
  verify(header: string | undefined): boolean;
}

const PREFIX = 'sha256=';

export function createSignatureVerifier(secrets: readonly string[]): SignatureVerifier {
  const hmacs: Hmac[] = secrets.map((s) => createHmac('sha256', s));
  return {
    update(chunk) {
      for (const h of hmacs) h.update(chunk);
    },
    verify(header) {
      if (!header?.startsWith(PREFIX)) return false;
      const hex = header.slice(PREFIX.length);
      if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false;
      const given = Buffer.from(hex, 'hex');
      let ok = false;
      // Compare against every secret, so the time taken does not say which one matched.
      for (const h of hmacs) ok = timingSafeEqual(h.digest(), given) || ok;
      return ok;
    },
  };
}

/** The header value GitHub would send for `body` (tests, benchmarks). */
export function signBody(secret: string, body: Uint8Array | string): string {
  return `${PREFIX}${createHmac('sha256', secret).update(body).digest('hex')}`;
}
