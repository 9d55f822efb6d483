import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeConfig, resolveConfig } from '../../../src/config/load.js';
import { UsageError } from '../../../src/errors.js';
import { redact } from '../../../src/redact.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'natsgh-config-'));
  // The project root: the search stops here.
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'org-infra' }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const file = join(root, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function usageError(p: Promise<unknown>): Promise<UsageError> {
  const err = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(err).toBeInstanceOf(UsageError);
  expect((err as UsageError).exit).toBe(2);
  return err as UsageError;
}

describe('precedence: defaults < file < env < flags', () => {
  it('takes each value from the highest layer that sets it and records the source', async () => {
    const file = write(
      '.natsghrc.yaml',
      'mode: docker\nnatsType: self_hosted\nnats:\n  port: 4300\n  monitorPort: 8300\ncontroller:\n  port: 9000\n',
    );
    const { config, sources } = await resolveConfig({
      cwd: root,
      env: { NATSGH_NATS_PORT: '4400', NATSGH_MONITOR_PORT: '8400' },
      flags: { 'monitor-port': 8500 },
    });
    expect(config.mode).toBe('docker');
    expect(sources.mode).toBe(`file:${file}`);
    expect(config.controller.port).toBe(9000);
    expect(config.nats.port).toBe(4400);
    expect(sources['nats.port']).toBe('env:NATSGH_NATS_PORT');
    expect(config.nats.monitorPort).toBe(8500);
    expect(sources['nats.monitorPort']).toBe('flag:--monitor-port');
    expect(config.webhook.port).toBe(8090);
    expect(sources['webhook.port']).toBe('default');
    expect(config.stateDir).toBe(join(root, '.natsgh'));
    expect(config.outputDir).toBe(join(root, '.natsgh', 'github'));
    expect(sources.outputDir).toBe('derived');
  });

  it('reads the first of several env names, derives type defaults, and resolves file paths from the file', async () => {
    const file = write('conf/natsgh.yml', 'natsType: synadia\nnats:\n  credsFile: ./user.creds\n');
    const { config, sources } = await resolveConfig({
      cwd: root,
      configFile: 'conf/natsgh.yml',
      env: { NATS_URL: 'tls://nats.example:4222' },
    });
    expect(config.nats.credsFile).toBe(join(root, 'conf', 'user.creds'));
    expect(sources['nats.credsFile']).toBe(`file:${file}`);
    expect(config.nats.url).toBe('tls://nats.example:4222');
    expect(sources['nats.url']).toBe('env:NATS_URL');
    const hybrid = await resolveConfig({ cwd: root, env: { NATSGH_NATS_TYPE: 'hybrid' } });
    expect(hybrid.config.nats.jetstreamDomain).toBe('edge');
    expect(hybrid.sources['nats.jetstreamDomain']).toBe('derived');
  });
});

describe('config file discovery', () => {
  it('reads package.json#natsgh', async () => {
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', natsgh: { org: 'acme' } }));
    const r = await resolveConfig({ cwd: root, env: {} });
    expect(r.config.org).toBe('acme');
    expect(r.file).toBe(join(root, 'package.json'));
  });

  it('reads natsgh.config.mjs', async () => {
    write('natsgh.config.mjs', "export default { deployment: 'prod', nats: { replicas: 5 } };\n");
    const r = await resolveConfig({ cwd: root, env: {} });
    expect(r.config.deployment).toBe('prod');
    expect(r.config.nats.replicas).toBe(5);
  });

  it('searches from a subdirectory up to the project root, and no further', async () => {
    write('.natsghrc.yaml', 'org: acme\n');
    const deep = join(root, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect((await resolveConfig({ cwd: deep, env: {} })).config.org).toBe('acme');
    // A nested project (its own .git) is a root of its own: the outer file is not read.
    const inner = join(root, 'inner');
    mkdirSync(join(inner, '.git'), { recursive: true });
    const r = await resolveConfig({ cwd: inner, env: {} });
    expect(r.file).toBeUndefined();
    expect(r.config.org).toBeUndefined();
  });
});

describe('config errors are exit 2 and say file, key and expectation', () => {
  it('malformed YAML', async () => {
    const file = write('.natsghrc.yaml', 'mode: [docker\nnats: {port: 1\n');
    const err = await usageError(resolveConfig({ cwd: root, env: {} }));
    expect(err.code).toBe('config_malformed');
    expect(err.message).toContain(file);
    // The reason and its line:column, not just "YAML Error in ...".
    expect(err.message).toMatch(/flow collection.*\(\d+:\d+\)/);
  });

  it('a wrong type', async () => {
    const file = write('.natsghrc.json', JSON.stringify({ nats: { port: 'four' } }));
    const err = await usageError(resolveConfig({ cwd: root, env: {} }));
    expect(err.message).toBe(
      `config file ${file}: "nats.port" is "four", expected an integer from 0 to 65535`,
    );
    expect(err.details).toMatchObject({ key: 'nats.port' });
  });

  it('an out-of-range number and an invalid enum', async () => {
    write('.natsghrc.json', JSON.stringify({ mode: 'swarm' }));
    const err = await usageError(resolveConfig({ cwd: root, env: {} }));
    expect(err.message).toContain('expected one of dev, docker, kubernetes');
    write('.natsghrc.json', JSON.stringify({ controller: { port: 70000 } }));
    expect((await usageError(resolveConfig({ cwd: root, env: {} }))).message).toContain(
      '"controller.port" is 70000',
    );
  });

  it('an unknown key, with "did you mean"', async () => {
    write('.natsghrc.yaml', 'nats:\n  prot: 4222\n');
    const err = await usageError(resolveConfig({ cwd: root, env: {} }));
    expect(err.message).toContain('unknown key "nats.prot"');
    expect(err.suggestions).toEqual(['Did you mean "nats.port"?']);
    write('.natsghrc.yaml', 'nats_type: synadia\n');
    expect((await usageError(resolveConfig({ cwd: root, env: {} }))).suggestions[0]).toBe(
      'Did you mean "natsType"?',
    );
  });

  it('a secret in a config file is refused without echoing it', async () => {
    write('.natsghrc.yaml', 'github:\n  token: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n');
    const err = await usageError(resolveConfig({ cwd: root, env: {} }));
    expect(err.code).toBe('config_secret_in_file');
    expect(err.suggestions[0]).toContain('GITHUB_TOKEN');
    expect(JSON.stringify({ m: err.message, s: err.suggestions, d: err.details })).not.toContain('ghp_');
  });

  it('a missing explicit --config file', async () => {
    const err = await usageError(resolveConfig({ cwd: root, env: {}, configFile: 'nope.yaml' }));
    expect(err.code).toBe('config_not_found');
    expect(err.message).toContain(join(root, 'nope.yaml'));
  });

  it('bad environment values name the variable', async () => {
    const port = await usageError(resolveConfig({ cwd: root, env: { NATSGH_NATS_PORT: '42x' } }));
    expect(port.message).toBe(
      'environment variable NATSGH_NATS_PORT="42x" is not valid: expected an integer from 0 to 65535',
    );
    const bool = await usageError(resolveConfig({ cwd: root, env: { NATSGH_TLS_VERIFY: 'maybe' } }));
    expect(bool.message).toContain('expected true or false');
    const mode = await usageError(resolveConfig({ cwd: root, env: { NATSGH_MODE: 'prod' } }));
    expect(mode.message).toContain('environment variable NATSGH_MODE');
    const dep = await usageError(resolveConfig({ cwd: root, env: { NATSGH_DEPLOYMENT: 'has.dots' } }));
    expect(dep.message).toContain('no dots');
  });
});

describe('secrets', () => {
  it('are registered for redaction when read from env and shown redacted by describeConfig', async () => {
    const secret = 'webhook-secret-value-123';
    const resolved = await resolveConfig({ cwd: root, env: { NATSGH_WEBHOOK_SECRET: secret } });
    expect(resolved.config.webhook.secret).toBe(secret);
    expect(redact(`the secret is ${secret}`)).toBe('the secret is [REDACTED]');
    const row = describeConfig(resolved).find((r) => r.key === 'webhook.secret');
    expect(row).toEqual({ key: 'webhook.secret', value: '[REDACTED]', source: 'env:NATSGH_WEBHOOK_SECRET' });
  });
});

describe('secrets from files the environment names (<ENV>_FILE)', () => {
  it('reads each secret key from its file, trimmed; the source is the variable; redacted like any secret', async () => {
    const values = {
      GITHUB_TOKEN: 'ghp_fromFileFromFileFromFile0123456789',
      NATSGH_WEBHOOK_SECRET: 'whsec-from-file-new,whsec-from-file-old',
      NATSGH_NATS_PASSWORD: 'pw-from-file-Xy9',
      NATSGH_NATS_TOKEN: 'tok-from-file-Xy9',
    };
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      write(`secrets/${name}`, `\n  ${value}\n`);
      env[`${name}_FILE`] = `secrets/${name}`; // relative to cwd
    }
    const resolved = await resolveConfig({ cwd: root, env });
    expect(resolved.config.github.token).toBe(values.GITHUB_TOKEN);
    expect(resolved.config.webhook.secret).toBe(values.NATSGH_WEBHOOK_SECRET);
    expect(resolved.config.nats.password).toBe(values.NATSGH_NATS_PASSWORD);
    expect(resolved.config.nats.token).toBe(values.NATSGH_NATS_TOKEN);
    expect(resolved.sources['github.token']).toBe('env:GITHUB_TOKEN_FILE');
    expect(resolved.sources['nats.password']).toBe('env:NATSGH_NATS_PASSWORD_FILE');
    const rows = describeConfig(resolved);
    expect(rows.find((r) => r.key === 'webhook.secret')).toEqual({
      key: 'webhook.secret',
      value: '[REDACTED]',
      source: 'env:NATSGH_WEBHOOK_SECRET_FILE',
    });
    const shown = JSON.stringify(rows);
    for (const value of Object.values(values)) {
      expect(shown).not.toContain(value);
      expect(redact(`value ${value} here`)).toBe('value [REDACTED] here');
    }
  });

  it('every alias has one: GH_TOKEN_FILE; a non-secret key has none', async () => {
    const file = write('gh', 'ghp_aliasAliasAliasAlias0123456789abcd\n');
    const r = await resolveConfig({ cwd: root, env: { GH_TOKEN_FILE: file, NATSGH_ORG_FILE: file } });
    expect(r.config.github.token).toBe('ghp_aliasAliasAliasAlias0123456789abcd');
    expect(r.sources['github.token']).toBe('env:GH_TOKEN_FILE');
    expect(r.config.org).toBeUndefined();
  });

  it('precedence: flag > env > <ENV>_FILE; a file a higher layer overrides is not read', async () => {
    const file = write('pw', 'pw-from-file\n');
    const fromFile = await resolveConfig({ cwd: root, env: { NATSGH_NATS_PASSWORD_FILE: file } });
    expect(fromFile.config.nats.password).toBe('pw-from-file');
    const fromEnv = await resolveConfig({
      cwd: root,
      env: { NATSGH_NATS_PASSWORD_FILE: file, NATSGH_NATS_PASSWORD: 'pw-from-env' },
    });
    expect(fromEnv.config.nats.password).toBe('pw-from-env');
    expect(fromEnv.sources['nats.password']).toBe('env:NATSGH_NATS_PASSWORD');
    const missing = join(root, 'no-such-file');
    const fromFlag = await resolveConfig({
      cwd: root,
      env: { NATSGH_NATS_PASSWORD_FILE: missing, NATSGH_NATS_PASSWORD: 'pw-from-env' },
      flags: { 'nats-password': 'pw-from-flag' },
    });
    expect(fromFlag.config.nats.password).toBe('pw-from-flag');
    expect(fromFlag.sources['nats.password']).toBe('flag:--nats-password');
  });

  it('a file that cannot be read or is empty is exit 2 naming the variable and the file', async () => {
    const missing = join(root, 'secrets', 'gone');
    const gone = await usageError(resolveConfig({ cwd: root, env: { NATSGH_WEBHOOK_SECRET_FILE: missing } }));
    expect(gone.code).toBe('config_invalid');
    expect(gone.message).toBe(
      `environment variable NATSGH_WEBHOOK_SECRET_FILE names ${missing}, which cannot be read (ENOENT)`,
    );
    expect(gone.details).toMatchObject({ key: 'webhook.secret', variable: 'NATSGH_WEBHOOK_SECRET_FILE' });
    const dir = write('secrets/keep', 'x').replace(/\/keep$/, '');
    const isDir = await usageError(resolveConfig({ cwd: root, env: { GITHUB_TOKEN_FILE: dir } }));
    expect(isDir.message).toContain('GITHUB_TOKEN_FILE');
    expect(isDir.message).toContain('(EISDIR)');
    const empty = write('secrets/empty', ' \n');
    const blank = await usageError(resolveConfig({ cwd: root, env: { NATSGH_NATS_TOKEN_FILE: empty } }));
    expect(blank.message).toBe(`environment variable NATSGH_NATS_TOKEN_FILE names ${empty}, which is empty`);
  });

  it('a config file holding a secret is told about the _FILE variable too', async () => {
    write('.natsghrc.yaml', 'webhook:\n  secret: in-the-file-0123\n');
    const err = await usageError(resolveConfig({ cwd: root, env: {} }));
    expect(err.suggestions[0]).toContain('NATSGH_WEBHOOK_SECRET_FILE');
  });
});
