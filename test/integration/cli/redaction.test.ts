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

describe('secrets passed as flags', () => {
  it('warn on stderr naming the environment variable to use, never the value; env-given ones do not', async () => {
    const args = [
      'config',
      '--github-token',
      'ghp_flagGivenToken0123456789abcdefghijkl',
      '--webhook-secret=s3cr',
      '--nats-password',
      'hunter2-password',
      '--json',
    ];
    const r = await runCli(args, { cwd });
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toHaveLength(3);
    // The --json document carries them too (a CI log keeps stdout; stderr may be dropped).
    const said: string[] = JSON.parse(r.stdout).warnings;
    expect(said.filter((w) => / puts a secret in the process list/.test(w))).toHaveLength(3);
    expect(r.stderr).toMatch(/--github-token .*ps.* GITHUB_TOKEN/);
    expect(r.stderr).toMatch(/--webhook-secret .* NATSGH_WEBHOOK_SECRET/);
    expect(r.stderr).toMatch(/--nats-password .* NATSGH_NATS_PASSWORD/);
    for (const s of ['ghp_flagGivenToken', 's3cr', 'hunter2-password'])
      expect(r.stdout + r.stderr).not.toContain(s);

    const quiet = await runCli(['config', '--json'], {
      cwd,
      env: { GITHUB_TOKEN: 'ghp_envGivenToken0123456789abcdefghijklm', NATSGH_WEBHOOK_SECRET: 'whsec-env' },
    });
    expect(quiet.stderr).not.toContain('warning: ');
  });

  it('every secret configuration key and secret-looking --tf-var is covered', async () => {
    const { CONFIG_KEYS } = await import('../../../src/config/keys.js');
    const { SECRET_FLAGS, secretFlagWarnings } = await import('../../../src/cli/secret-flags.js');
    for (const key of CONFIG_KEYS.filter((k) => k.secret))
      expect(SECRET_FLAGS[key.flag], key.flag).toBeTruthy();
    const w = secretFlagWarnings([
      'bootstrap',
      '--tf-var',
      'github_token=abc',
      '--tf-var=region=eu-west-1',
      '--tf-backend-config',
      'secret_key=xyz',
      '--org',
      'acme',
    ]);
    expect(w).toHaveLength(2);
    expect(w[0]).toContain('TF_VAR_github_token');
    expect(w.join('\n')).not.toMatch(/abc|xyz/);
  });

  it('a --nats-url holding a password or token warns too; one without does not', async () => {
    const { secretFlagWarnings } = await import('../../../src/cli/secret-flags.js');
    const w = secretFlagWarnings([
      'status',
      '--nats-url',
      'nats://alice:pa55-word@nats.example:4222',
      '--nats-url=tls://s3cretTok3n@a:4222,tls://b:4222',
    ]);
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/--nats-url .*ps.* NATSGH_NATS_URL/);
    expect(w.join('\n')).not.toMatch(/pa55-word|s3cretTok3n|alice/);
    expect(
      secretFlagWarnings(['status', '--nats-url', 'nats://a:4222,b:4222', '--nats-url=nats://h']),
    ).toEqual([]);
    // Through the CLI: warned on stderr and in the --json result.
    const r = await runCli(['config', '--json', '--nats-url', 'nats://alice:pa55-word@127.0.0.1:4222'], {
      cwd,
    });
    expect(r.stderr).toMatch(/warning: --nats-url /);
    expect(JSON.parse(r.stdout).warnings.join('\n')).toMatch(/--nats-url /);
    expect(r.stdout + r.stderr).not.toContain('pa55-word');
  });
});
