// Property: any unicode owner/repo/event becomes single subject tokens that
// decode back exactly, and never smuggle a subject separator or wildcard.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeToken,
  encodeToken,
  githubEventSubject,
  parseGithubEventSubject,
  regenLockKey,
} from '../../src/nats/names.js';
import { checked, injected } from './report.js';

const TOKEN = /^[A-Za-z0-9_=-]+$/;
// A KV key as the NATS client validates it.
const KV_KEY = /^[-/=.\w]+$/;

// Valid unicode (no lone surrogates): code points of every plane, graphemes, and the
// characters that matter to NATS (".", "*", ">", whitespace, "=").
const name = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom('.', '*', '>', ' ', '\t', '=', '$', 'a', 'Z', '-', '_', 'İ', 'ß'),
    minLength: 1,
  }),
);

describe('subject encoding (fuzz)', () => {
  it('encodes any name as one token that decodes back exactly', () => {
    injected('names', '300 arbitrary unicode names (all planes, graphemes, NATS specials)');
    fc.assert(
      fc.property(name, (n) => {
        const token = encodeToken(n);
        expect(token).toMatch(TOKEN);
        expect(decodeToken(token)).toBe(n);
      }),
      { numRuns: 300 },
    );
    checked('names', 'every token is [A-Za-z0-9_=-]+ and decodes to the input');
  });

  it('builds five-token subjects that parse back to the lower-cased owner/repo and the event', () => {
    injected('names', '300 arbitrary (owner, repo, event) triples');
    fc.assert(
      fc.property(name, name, name, (owner, repo, event) => {
        const subject = githubEventSubject(owner, repo, event);
        const parts = subject.split('.');
        expect(parts).toHaveLength(5);
        for (const p of parts) expect(p).toMatch(TOKEN);
        expect(parseGithubEventSubject(subject)).toEqual({
          owner: owner.toLowerCase(),
          repo: repo.toLowerCase(),
          event,
        });
        expect(regenLockKey(owner, repo)).toMatch(KV_KEY);
      }),
      { numRuns: 300 },
    );
    checked('names', 'subjects have exactly 5 valid tokens, parse back, and lock keys are valid KV keys');
  });

  it('distinct names never share a token (no collisions)', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a !== b);
        expect(encodeToken(a)).not.toBe(encodeToken(b));
      }),
      { numRuns: 300 },
    );
  });

  it('decodes arbitrary tokens to a name that round-trips, or throws an error naming the token', () => {
    injected('names', '300 arbitrary strings fed to decodeToken');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('=', 'A', 'f', '0', 'E', 'z', '.', '2'), maxLength: 12 }),
        (t) => {
          let decoded: string;
          try {
            decoded = decodeToken(t);
          } catch (err) {
            expect((err as Error).message).toContain(t);
            return;
          }
          if (decoded.length > 0) expect(decodeToken(encodeToken(decoded))).toBe(decoded);
        },
      ),
      { numRuns: 300 },
    );
    checked('names', 'a malformed token throws an error naming it; a decoded name round-trips');
  });
});
