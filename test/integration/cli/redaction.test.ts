// Secrets of every kind never reach stdout, stderr or the JSON error document,
// including the stack traces NATSGH_DEBUG=1 prints. Each case feeds a secret to
// the CLI where it will be echoed back (an invalid flag value) and looks for it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, parseJson, runCli } from '../../support/cli.js';

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'natsgh-redact-'));
  writeFileSync(join(cwd, 'package.json'), '{"name":"empty"}');
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const WEBHOOK_SECRET = 'whsec-Zq8!rotating-value';
const CASES: Array<{ kind: string; args: string[]; secret: string; env?: NodeJS.ProcessEnv }> = [
  {
    kind: 'classic GitHub token',
    args: ['--org', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    secret: 'ghp_abcdefghij',
  },
  {
    kind: 'fine-grained GitHub token',
    args: ['--org', 'github_pat_11AAAAAAA0abcdefghijklmnop_qrstuvwxyz0123456789'],
    secret: 'github_pat_11AAAA',
  },
  { kind: 'NKey seed', args: ['--deployment', `SUAM${'K'.repeat(54)}`], secret: 'SUAMKKKK' },
  {
    kind: 'webhook secret registered from the environment',
    args: ['--org', WEBHOOK_SECRET],
    secret: WEBHOOK_SECRET,
    env: { NATSGH_WEBHOOK_SECRET: WEBHOOK_SECRET },
  },
  {
    kind: 'password in a URL',
    args: ['--nats-url', 'nats://alice:pa55w0rd-xyz@host:notaport'],
    secret: 'pa55w0rd-xyz',
  },
  {
    kind: 'PEM private key',
    args: [
      '--org',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAAS\n-----END PRIVATE KEY-----',
    ],
    secret: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAAS',
  },
];

describe('redaction of every secret kind', () => {
  it('in the JSON error document, and in stderr including the NATSGH_DEBUG=1 stack trace', async () => {
    // Two at a time: the machine is shared.
    const jobs = CASES.flatMap((c) => [
      { c, json: true, run: () => runCli(['config', '--json', ...c.args], { cwd, env: c.env }) },
      {
        c,
        json: false,
        run: () => runCli(['config', ...c.args], { cwd, env: { ...c.env, NATSGH_DEBUG: '1' } }),
      },
    ]);
    const results: CliResult[] = [];
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i].run();
      }
    };
    await Promise.all([worker(), worker()]);
    for (const [i, { c, json }] of jobs.entries()) {
      const r = results[i];
      const what = `${c.kind} (${json ? '--json' : 'NATSGH_DEBUG=1'})`;
      expect(r.code, what).toBe(2);
      if (json) {
        expect(parseJson(r).error.code, what).toBe('config_invalid');
        expect(r.stdout, what).toContain('REDACTED');
      } else {
        expect(r.stderr, what).toMatch(/\n\s+at /);
        expect(r.stderr, what).toContain('REDACTED');
      }
      expect(r.stdout + r.stderr, what).not.toContain(c.secret);
    }
  }, 120_000);
});

describe('redaction on success', () => {
  it('natsgh config shows secrets from env and flags as [REDACTED] in both output forms', async () => {
    const env = { NATSGH_WEBHOOK_SECRET: WEBHOOK_SECRET, NATSGH_NATS_PASSWORD: 'hunter2-password' };
    const args = ['config', '--github-token', 'ghp_flagGivenToken0123456789abcdefghijkl'];
    for (const r of await Promise.all([
      runCli(args, { cwd, env }),
      runCli([...args, '--json'], { cwd, env }),
    ])) {
      expect(r.code).toBe(0);
      for (const s of [WEBHOOK_SECRET, 'hunter2-password', 'ghp_flagGivenToken']) {
        expect(r.stdout + r.stderr).not.toContain(s);
      }
      expect(r.stdout.match(/\[REDACTED\]/g)?.length).toBe(3);
    }
  });
});
