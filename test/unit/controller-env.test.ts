// The controller's settings are built in one place (deploy/controller/env.ts)
// for the three adapters: a controller in a container resolves, from the
// environment natsgh gives it, the same org, GitHub and stream settings as the
// bootstrap did (so --via-pull-request reaches a docker or kubernetes
// controller too); secrets are kept apart from the plain values.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import {
  controllerPlainEnv,
  controllerProcessEnv,
  controllerSecretEnv,
  controllerSecretFiles,
  controllerSettingsEnv,
} from '../../src/deploy/controller/env.js';

const TOKEN = 'ghp_envUnitSecretValue0123456789abcdefgh';
const WEBHOOK_SECRET = 'whsec-env-unit-0123456789';

const flags = {
  mode: 'docker',
  'nats-type': 'self_hosted',
  org: 'acme',
  'github-repo': 'github-private',
  'github-api-url': 'https://ghe.example.com/api/v3',
  'github-app-id': '4242',
  'github-app-installation': '77',
  'via-pull-request': true,
  'stream-max-bytes': '64MB',
  'github-token': TOKEN,
  'webhook-secret': WEBHOOK_SECRET,
  'nats-user': 'natsgh',
  'nats-password': 'pw-0123456789abcdef',
};

describe("the controller's environment", () => {
  it('a containerized controller resolves the settings the bootstrap had, from its environment alone', async () => {
    const { config } = await resolveConfig({ noFile: true, env: {}, flags });
    const env = { ...controllerPlainEnv(config), ...controllerSecretEnv(config) };
    const inContainer = (await resolveConfig({ noFile: true, env, flags: {} })).config;
    expect(inContainer.org).toBe('acme');
    expect(inContainer.github).toMatchObject({
      repo: 'github-private',
      apiUrl: 'https://ghe.example.com/api/v3',
      appId: '4242',
      appInstallationId: '77',
      viaPullRequest: true,
      token: TOKEN,
    });
    expect(inContainer.webhook.secret).toBe(WEBHOOK_SECRET);
    expect(inContainer.nats).toMatchObject({
      streamMaxBytes: '64MB',
      user: 'natsgh',
      password: 'pw-0123456789abcdef',
    });
  });

  it('keeps every secret out of the plain values (those are written into compose.yaml and manifests)', async () => {
    const { config } = await resolveConfig({ noFile: true, env: {}, flags });
    const plain = JSON.stringify(controllerPlainEnv(config));
    for (const secret of [TOKEN, WEBHOOK_SECRET, 'pw-0123456789abcdef']) expect(plain).not.toContain(secret);
    expect(Object.keys(controllerSecretEnv(config)).sort()).toEqual([
      'GITHUB_TOKEN',
      'NATSGH_NATS_PASSWORD',
      'NATSGH_NATS_USER',
      'NATSGH_WEBHOOK_SECRET',
    ]);
    // A file setting is the adapter's to mount: a host path means nothing in a container.
    const withKey = (
      await resolveConfig({ noFile: true, env: {}, flags: { ...flags, 'github-app-key': '/host/app.pem' } })
    ).config;
    expect(JSON.stringify(controllerSettingsEnv(withKey))).not.toContain('/host/app.pem');
  });

  it('a dev-mode process gets the same settings, the connection, and cleared aliases', async () => {
    const { config } = await resolveConfig({ noFile: true, env: {}, flags: { ...flags, mode: 'dev' } });
    const env = controllerProcessEnv(
      { servers: ['nats://127.0.0.1:4222'], user: 'natsgh', password: 'p' },
      config,
    );
    const { plain, secret } = controllerSettingsEnv(config);
    expect(env).toMatchObject({
      ...plain,
      ...secret,
      NATSGH_MODE: 'dev',
      NATSGH_NATS_URL: 'nats://127.0.0.1:4222',
    });
    // An alias the user exported (GH_TOKEN, NATS_URL) cannot outrank what natsgh chose,
    // nor a secret file one names stand in for a secret natsgh leaves unset.
    expect(env).toMatchObject({ GH_TOKEN: '', NATS_URL: '', GH_TOKEN_FILE: '', NATSGH_NATS_TOKEN_FILE: '' });
  });

  it('docker: the secrets are files named by key, the NATS user a plain value; a container resolves them through _FILE', async () => {
    const { config } = await resolveConfig({ noFile: true, env: {}, flags });
    const { files, plain } = controllerSecretFiles(config);
    expect(files.map((f) => [f.env, f.file]).sort()).toEqual([
      ['GITHUB_TOKEN', 'github-token'],
      ['NATSGH_NATS_PASSWORD', 'nats-password'],
      ['NATSGH_WEBHOOK_SECRET', 'webhook-secret'],
    ]);
    expect(plain).toEqual({ NATSGH_NATS_USER: 'natsgh' });
    // The container's environment: plain values and <ENV>_FILE paths only.
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-ctl-files-'));
    try {
      const env: Record<string, string> = { ...controllerPlainEnv(config), ...plain };
      for (const f of files) {
        writeFileSync(join(dir, f.file), f.value, { mode: 0o600 });
        env[`${f.env}_FILE`] = join(dir, f.file);
      }
      for (const secret of [TOKEN, WEBHOOK_SECRET, 'pw-0123456789abcdef'])
        expect(JSON.stringify(env)).not.toContain(secret);
      const inContainer = (await resolveConfig({ noFile: true, env, flags: {} })).config;
      expect(inContainer.github.token).toBe(TOKEN);
      expect(inContainer.webhook.secret).toBe(WEBHOOK_SECRET);
      expect(inContainer.nats).toMatchObject({ user: 'natsgh', password: 'pw-0123456789abcdef' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
