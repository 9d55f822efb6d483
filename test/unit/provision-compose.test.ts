// The compose file natsgh renders for docker mode, checked structurally.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type ComposeInput,
  NATS_IMAGE,
  PROJECT_ROOT,
  renderCompose,
  renderNatsAuth,
} from '../../src/provision/compose.js';
import { parseComposePs } from '../../src/provision/docker.js';

const base: ComposeInput = {
  deployment: 'acme',
  natsType: 'self_hosted',
  replicas: 1,
  port: 4222,
  monitorPort: 8222,
  controllerPort: 8080,
  controllerEnv: { NATSGH_ORG: 'acme' },
  secretFiles: { GITHUB_TOKEN: 'github-token' },
  controllerFilesDir: '/state/docker/controller-files',
  controllerImage: 'natsgh-controller:0.1.0-abc',
  build: { context: PROJECT_ROOT, labels: { 'io.natsgh.version': '0.1.0' } },
};

describe('compose.yaml', () => {
  it('self_hosted: a nats service with JetStream volume, /healthz check, monitoring port; the controller built from the Dockerfile', () => {
    const r = renderCompose(base);
    const doc = parse(r.compose);
    expect(doc.name).toBe('natsgh-acme');
    const nats = doc.services.nats;
    expect(nats.image).toBe(NATS_IMAGE);
    expect(nats.ports).toEqual(['127.0.0.1:4222:4222', '127.0.0.1:8222:8222']);
    expect(nats.volumes).toContain('nats-data:/data');
    expect(nats.volumes).toContain('./nats.conf:/etc/nats/nats.conf:ro');
    expect(nats.healthcheck.test.join(' ')).toContain('http://127.0.0.1:8222/healthz');
    expect(doc.volumes).toHaveProperty('nats-data');
    expect(r.files['nats.conf']).toMatch(/store_dir: "\/data\/jetstream"/);
    expect(r.files['nats.conf']).toMatch(/http: 8222/);

    const controller = doc.services.controller;
    expect(controller.image).toBe('natsgh-controller:0.1.0-abc');
    expect(controller.build).toEqual({
      context: PROJECT_ROOT,
      dockerfile: 'Dockerfile',
      labels: { 'io.natsgh.version': '0.1.0' },
    });
    expect(controller.depends_on).toEqual({ nats: { condition: 'service_healthy' } });
    expect(controller.environment.NATSGH_NATS_URL).toBe('nats://nats:4222');
    // The token is a file the container's GITHUB_TOKEN_FILE names, never a value.
    expect(controller.environment.GITHUB_TOKEN_FILE).toBe('/etc/natsgh/files/github-token');
    expect(controller.environment).not.toHaveProperty('GITHUB_TOKEN');
    expect(controller.healthcheck.test.join(' ')).toContain('/healthz');
  });

  it('self_hosted_cluster: N services with routes to each other and their own volumes and ports', () => {
    const r = renderCompose({
      ...base,
      natsType: 'self_hosted_cluster',
      replicas: 3,
      jetstreamDomain: 'core',
    });
    const doc = parse(r.compose);
    expect(r.natsServices).toEqual(['nats-1', 'nats-2', 'nats-3']);
    for (const [i, name] of r.natsServices.entries()) {
      expect(doc.services[name].ports).toEqual([`127.0.0.1:${4222 + i}:4222`, `127.0.0.1:${8222 + i}:8222`]);
      expect(doc.volumes).toHaveProperty(`${name}-data`);
      const conf = r.files[`${name}.conf`];
      expect(conf).toContain(`server_name: "${name}"`);
      expect(conf).toContain('nats-route://nats-1:6222');
      expect(conf).toContain('nats-route://nats-3:6222');
      expect(conf).toContain('domain: "core"');
    }
    expect(doc.services.controller.environment.NATSGH_NATS_URL).toBe(
      'nats://nats-1:4222,nats://nats-2:4222,nats://nats-3:4222',
    );
    expect(doc.services.controller.environment.NATSGH_JS_DOMAIN).toBe('core');
  });

  it('hybrid: the leaf mounts the hub creds read-only and links with reconnect', () => {
    const r = renderCompose({
      ...base,
      natsType: 'hybrid',
      jetstreamDomain: 'edge',
      leafRemote: { urls: ['tls://connect.ngs.global:7422'], credentials: '/home/me/hub.creds' },
    });
    const doc = parse(r.compose);
    expect(doc.services.nats.volumes).toContain('/home/me/hub.creds:/etc/nats/hub.creds:ro');
    expect(r.files['nats.conf']).toContain('credentials: "/etc/nats/hub.creds"');
    expect(r.files['nats.conf']).toContain('urls: ["tls://connect.ngs.global:7422"]');
    expect(r.files['nats.conf']).toContain('domain: "edge"');
  });

  it('synadia: no nats service; the creds reach the controller as a copy in its files directory', () => {
    const r = renderCompose({
      ...base,
      natsType: 'synadia',
      credsFile: true,
      controllerFilesDir: '/state/docker/controller-files',
    });
    const doc = parse(r.compose);
    expect(Object.keys(doc.services)).toEqual(['controller']);
    expect(doc.services.controller.volumes).toEqual(['/state/docker/controller-files:/etc/natsgh/files:ro']);
    expect(doc.services.controller.environment.NATSGH_CREDS_FILE).toBe('/etc/natsgh/files/nats.creds');
    expect(doc.services.controller.environment.NATSGH_NATS_URL).toBe('tls://connect.ngs.global');
    expect(doc.services.controller.depends_on).toBeUndefined();
  });

  it('TLS: servers get their copies, the controller its own (CA, client cert with mTLS), as a non-root uid', () => {
    const r = renderCompose({
      ...base,
      tlsDir: '/state/docker/nats-tls',
      tlsVerify: true,
      controllerFilesDir: '/state/docker/controller-files',
      controllerUser: { uid: 1001, gid: 121 },
    });
    const doc = parse(r.compose);
    expect(doc.services.nats.volumes).toContain('/state/docker/nats-tls:/etc/nats/tls:ro');
    expect(r.files['nats.conf']).toContain('verify: true');
    const controller = doc.services.controller;
    expect(controller.environment.NATSGH_NATS_URL).toBe('tls://nats:4222');
    expect(controller.environment.NATSGH_TLS_CA).toBe('/etc/natsgh/files/ca.pem');
    expect(controller.environment.NATSGH_TLS_CERT).toBe('/etc/natsgh/files/client.pem');
    expect(controller.volumes).toEqual(['/state/docker/controller-files:/etc/natsgh/files:ro']);
    expect(controller.user).toBe('1001:121');
    // Its writable state belongs to the uid it runs as.
    expect(controller.tmpfs).toEqual(['/var/lib/natsgh:uid=1001,gid=121,mode=0700']);
    // Nothing of the state dir's own tls/ (which holds the CA's private key) is mounted anywhere.
    for (const svc of Object.values(doc.services) as Array<{ volumes?: string[] }>)
      for (const v of svc.volumes ?? []) expect(v).not.toMatch(/^\/state\/tls|ca-key/);
  });

  it('auth: the servers include an owner-only auth.conf; the controller gets its secrets as files its _FILE variables name', () => {
    const r = renderCompose({
      ...base,
      natsAuth: true,
      controllerEnv: { ...base.controllerEnv, NATSGH_NATS_USER: 'app' },
      secretFiles: { NATSGH_NATS_PASSWORD: 'nats-password', GITHUB_TOKEN: 'github-token' },
    });
    const doc = parse(r.compose);
    expect(r.files['nats.conf']).toMatch(/authorization \{\n {2}include "auth.conf"\n\}/);
    expect(doc.services.nats.volumes).toContain('./auth.conf:/etc/nats/auth.conf:ro');
    const env = doc.services.controller.environment;
    expect(env).toMatchObject({
      NATSGH_NATS_USER: 'app',
      NATSGH_NATS_PASSWORD_FILE: '/etc/natsgh/files/nats-password',
      GITHUB_TOKEN_FILE: '/etc/natsgh/files/github-token',
    });
    // No value, and no interpolation a value could be filled into.
    expect(env).not.toHaveProperty('NATSGH_NATS_PASSWORD');
    expect(env).not.toHaveProperty('GITHUB_TOKEN');
    expect(r.compose).not.toContain('${');
    expect(doc.services.controller.volumes).toEqual(['/state/docker/controller-files:/etc/natsgh/files:ro']);
    expect(renderNatsAuth({ user: 'app', password: 'p"w' })).toBe('user: "app"\npassword: "p\\"w"\n');
    expect(renderNatsAuth({ token: 't0k' })).toBe('token: "t0k"\n');
    expect(renderNatsAuth({ user: 'app' })).toBeUndefined();
  });

  it('--nats-image and --controller-image: used as given; a named controller image is not built', () => {
    const r = renderCompose({
      ...base,
      natsImage: 'mirror.example/nats:2.10.24-alpine',
      controllerImage: 'mirror.example/natsgh:0.1.0',
      build: undefined,
      pullPolicy: 'missing',
    });
    const doc = parse(r.compose);
    expect(doc.services.nats.image).toBe('mirror.example/nats:2.10.24-alpine');
    expect(doc.services.controller.image).toBe('mirror.example/natsgh:0.1.0');
    expect(doc.services.controller.build).toBeUndefined();
    expect(doc.services.controller.pull_policy).toBe('missing');
  });

  it('parses docker compose ps output in both formats', () => {
    const line = '{"Service":"nats","State":"running","Health":"healthy"}';
    expect(parseComposePs(`${line}\n`)).toEqual([{ Service: 'nats', State: 'running', Health: 'healthy' }]);
    expect(parseComposePs(`[${line}]`)).toHaveLength(1);
    expect(parseComposePs('')).toEqual([]);
  });

  it('the Dockerfile is multi-stage, runs as a non-root user and starts the controller', () => {
    const text = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    // A `# syntax=` line makes BuildKit fetch its frontend from Docker Hub (air-gapped sites fail).
    expect(text).not.toMatch(/^#\s*syntax\s*=/im);
    // The current Node.js LTS by default, overridable.
    // The current Node.js LTS (26 since 2026-10-28).
    expect(text).toMatch(/^ARG NODE_VERSION=26-alpine$/m);
    expect(text.match(/^FROM node:\$\{NODE_VERSION\}/gm)?.length).toBe(2);
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/--omit=dev/);
    expect(text).toMatch(/CMD \["controller", "run"\]/);
    const ignore = readFileSync(join(PROJECT_ROOT, '.dockerignore'), 'utf8');
    for (const entry of ['node_modules', '.natsgh', '*.creds', '.git'])
      expect(ignore.split('\n')).toContain(entry);
    // Built from the package layout, so the compiled code must reach the build context.
    expect(text).toMatch(/^COPY dist \.\/dist$/m);
    expect(ignore.split('\n')).not.toContain('dist');
  });
});

describe('the controller container environment', () => {
  it('carries the cluster settings, so a containerized controller creates its streams R3 itself', async () => {
    const { resolveConfig } = await import('../../src/config/load.js');
    const { controllerPlainEnv } = await import('../../src/deploy/controller/env.js');
    const { deploymentReplicas } = await import('../../src/nats/buckets.js');
    const flags = { mode: 'docker', 'nats-type': 'self_hosted_cluster', replicas: 5, org: 'acme' };
    const { config } = await resolveConfig({ noFile: true, env: {}, flags });
    const env = controllerPlainEnv(config);
    expect(env).toMatchObject({ NATSGH_NATS_TYPE: 'self_hosted_cluster', NATSGH_REPLICAS: '5' });
    // What the controller in the container resolves from that environment alone.
    const inContainer = (await resolveConfig({ noFile: true, env, flags: {} })).config;
    expect(deploymentReplicas(inContainer)).toBe(3);

    const single = (
      await resolveConfig({ noFile: true, env: {}, flags: { mode: 'docker', 'nats-type': 'self_hosted' } })
    ).config;
    expect(controllerPlainEnv(single)).not.toHaveProperty('NATSGH_NATS_TYPE');
  });
});
