// The kubectl (and helm) commands natsgh runs, with errors that say what to do:
// context check, the namespace (created only when missing), server-side apply
// from a file or from stdin (secrets), rollout status, and
// the port-forward natsgh runs for the duration of a run to reach NATS
// (its identity recorded in <stateDir>/kubernetes: pid, start time, command line;
// stopped when natsgh exits or on teardown, and only while it is still that process).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { type ErrorCode, NatsghError } from '../errors.js';
import { redact } from '../redact.js';
import { installHint } from '../system/platform.js';
import {
  findOnPath,
  isAlive,
  runCommand,
  signalProcess,
  spawnDetached,
  stopProcess,
  stopRecordedProcess,
} from '../system/process.js';
import { readProcessRecord, recordProcess, verifyProcess } from '../system/process-identity.js';
import type { ProvisionContext } from './provisioner.js';

export function kubeStateDir(stateDir: string): string {
  return resolve(stateDir, 'kubernetes');
}

export function findTool(
  ctx: ProvisionContext,
  tool: 'kubectl' | 'helm' | 'docker' | 'kind',
): string | undefined {
  return findOnPath(tool, ctx.platform);
}

export function requireKubectl(ctx: ProvisionContext): string {
  const bin = findTool(ctx, 'kubectl');
  if (!bin) {
    throw new NatsghError('--mode kubernetes needs kubectl, and it was not found on PATH', {
      code: 'kubectl_missing',
      suggestions: [
        `Install it: ${installHint(ctx.platform, 'kubectl')}`,
        'Then run `natsgh doctor --mode kubernetes`.',
      ],
    });
  }
  return bin;
}

function tail(text: string, lines = 15): string {
  return redact(text.trim().split('\n').slice(-lines).join('\n'));
}

/** Runs a tool; a non-zero exit becomes an error carrying the output's tail and the given hints. */
export async function runTool(
  ctx: ProvisionContext,
  bin: string,
  args: string[],
  what: { title: string; code: ErrorCode; suggestions: string[] },
  opts: { input?: string; timeoutMs?: number } = {},
): Promise<string> {
  const r = await runCommand(bin, args, {
    env: ctx.platform.env,
    input: opts.input,
    timeoutMs: opts.timeoutMs ?? 10 * 60_000,
    signal: ctx.signal,
  });
  if (r.failed) {
    throw new NatsghError(
      `${what.title} failed${r.timedOut ? ' (timed out)' : ` (exit ${r.exitCode})`}:\n${tail(`${r.stderr}\n${r.stdout}`)}`,
      {
        code: what.code,
        details: { command: [bin.split('/').pop(), ...args].join(' ') },
        suggestions: what.suggestions,
      },
    );
  }
  return r.stdout;
}

/** Fails early and clearly when kubectl has no current context (no cluster configured). */
export async function assertKubeContext(ctx: ProvisionContext, kubectl: string): Promise<string> {
  const out = await runTool(ctx, kubectl, ['config', 'current-context'], {
    title: 'kubectl config current-context',
    code: 'kube_no_context',
    suggestions: [
      'Point kubectl at a cluster: kubectl config get-contexts, then kubectl config use-context NAME (or set KUBECONFIG).',
    ],
  });
  return out.trim();
}

/**
 * Server-side apply: no last-applied annotation (which would hold Secret
 * values), natsgh owns its fields, and a re-run takes them back from an older
 * client-side apply or a hand edit.
 */
export const APPLY_ARGS = [
  'apply',
  '--server-side',
  '--field-manager',
  'natsgh',
  '--force-conflicts',
] as const;

/**
 * Creates the namespace only when it is missing, so a user with rights in an
 * existing namespace needs no cluster-scoped ones. A context that may not read
 * namespaces goes on and assumes it exists (the applies say so if it does not).
 */
export async function ensureNamespace(
  ctx: ProvisionContext,
  kubectl: string,
  namespace: string,
  manifest: unknown,
): Promise<'exists' | 'created' | 'assumed'> {
  const r = await runCommand(kubectl, ['get', 'namespace', namespace, '-o', 'name'], {
    env: ctx.platform.env,
    timeoutMs: 60_000,
    signal: ctx.signal,
  });
  if (!r.failed) return 'exists';
  if (/\(NotFound\)/.test(r.stderr)) {
    await applyFromStdin(ctx, kubectl, [manifest], `namespace ${namespace}`);
    return 'created';
  }
  if (/\(Forbidden\)/.test(r.stderr)) {
    ctx.log.warn(`may not read namespace ${namespace} (forbidden); assuming it exists`);
    return 'assumed';
  }
  throw new NatsghError(`kubectl get namespace ${namespace} failed:\n${tail(`${r.stderr}\n${r.stdout}`)}`, {
    code: 'kube_get_failed',
    suggestions: ['Check the cluster connection: kubectl cluster-info'],
  });
}

/** Server-side `kubectl apply -f -` with the objects on stdin: used for Secrets, whose values must not touch the disk. */
export async function applyFromStdin(
  ctx: ProvisionContext,
  kubectl: string,
  objects: unknown[],
  what: string,
): Promise<void> {
  // A stream of JSON objects, not a v1 List: kubectl asks the server to validate each object's
  // fields, which it cannot do for a List (it validates a List on the client, from OpenAPI v2).
  const input = objects.map((o) => JSON.stringify(o)).join('\n');
  await runTool(
    ctx,
    kubectl,
    [...APPLY_ARGS, '-f', '-'],
    {
      title: `kubectl apply (${what})`,
      code: 'kube_apply_failed',
      suggestions: [
        'Check that your kubectl context may create these objects: kubectl auth can-i create secrets',
      ],
    },
    { input },
  );
}

export async function applyFile(
  ctx: ProvisionContext,
  kubectl: string,
  file: string,
  what: string,
): Promise<void> {
  await runTool(ctx, kubectl, [...APPLY_ARGS, '-f', file], {
    title: `kubectl apply -f ${file} (${what})`,
    code: 'kube_apply_failed',
    suggestions: [
      `Inspect the manifests in ${file}; check permissions with kubectl auth can-i create statefulsets`,
    ],
  });
}

export async function rolloutStatus(
  ctx: ProvisionContext,
  kubectl: string,
  namespace: string,
  target: string,
  timeoutSeconds = 300,
): Promise<void> {
  await runTool(
    ctx,
    kubectl,
    ['rollout', 'status', target, '-n', namespace, `--timeout=${timeoutSeconds}s`],
    {
      title: `kubectl rollout status ${target}`,
      code: 'kube_rollout_failed',
      suggestions: [
        `See why: kubectl describe ${target} -n ${namespace} and kubectl get pods -n ${namespace}`,
        'Pods stuck in Pending usually mean no PersistentVolume for the JetStream PVC (check the storage class).',
      ],
    },
    { timeoutMs: (timeoutSeconds + 30) * 1000 },
  );
}

export interface PortForward {
  pid: number;
  /** local port -> Service port, as forwarded. */
  forwards: Array<{ local: number; remote: number }>;
}

function portForwardFiles(stateDir: string) {
  const dir = kubeStateDir(stateDir);
  return { recordFile: join(dir, 'port-forward.proc.json'), logFile: join(dir, 'port-forward.log') };
}

/** What the command line of natsgh's port-forward holds (with its start time, what makes it ours). */
function portForwardMarkers(service?: string): string[] {
  return service ? ['port-forward', `svc/${service}`] : ['port-forward'];
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

const cleanups = new Set<number>();
function stopAtExit(pid: number): void {
  if (cleanups.has(pid)) return;
  cleanups.add(pid);
  // The forward lives for this run only; 'exit' handlers must be synchronous.
  process.once('exit', () => signalProcess(pid, 'SIGTERM'));
}

/**
 * Starts (or finds) `kubectl port-forward svc/<service> <local>:<servicePort>...`
 * and waits until it forwards. `forwards` must name only ports the Service has
 * (kubectl refuses others); the first is NATS's client port. It is stopped when
 * natsgh exits, when the run is aborted, or by stopPortForward.
 */
export async function ensurePortForward(
  ctx: ProvisionContext,
  kubectl: string,
  namespace: string,
  service: string,
  forwards: Array<{ local: number; remote: number }>,
  timeoutMs = 20_000,
): Promise<PortForward> {
  const ports = { port: forwards[0].local };
  const { recordFile, logFile } = portForwardFiles(ctx.stateDir);
  await mkdir(kubeStateDir(ctx.stateDir), { recursive: true });
  // A forward of an earlier run is reused only while it is still the process recorded then.
  const existing = await readProcessRecord(recordFile);
  if (
    existing &&
    (await verifyProcess(existing, portForwardMarkers(service))).state === 'ours' &&
    (await canConnect(ports.port))
  ) {
    stopAtExit(existing.pid);
    return { pid: existing.pid, forwards };
  }
  await writeFile(logFile, '');
  const pid = spawnDetached(
    kubectl,
    [
      'port-forward',
      '-n',
      namespace,
      `svc/${service}`,
      ...forwards.map((f) => `${f.local}:${f.remote}`),
      '--address',
      '127.0.0.1',
    ],
    { logFile, env: ctx.platform.env },
  );
  await recordProcess(recordFile, pid, { service });
  stopAtExit(pid);
  ctx.signal.addEventListener('abort', () => signalProcess(pid, 'SIGTERM'), { once: true });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) break;
    const log = await readFile(logFile, 'utf8').catch(() => '');
    if (log.includes('Forwarding from') && (await canConnect(ports.port))) {
      ctx.log.info(`port-forward to svc/${service} on 127.0.0.1:${ports.port} (pid ${pid})`);
      return { pid, forwards };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopProcess(pid, 2000);
  await rm(recordFile, { force: true });
  const log = await readFile(logFile, 'utf8').catch(() => '');
  throw new NatsghError(
    `kubectl port-forward to svc/${service} in ${namespace} did not start:\n${tail(log)}`,
    {
      code: 'kube_port_forward_failed',
      suggestions: [
        `Check the service: kubectl get svc ${service} -n ${namespace}`,
        `Is local port ${ports.port} free? Change it with --nats-port, or reach NATS directly with --nats-url.`,
      ],
    },
  );
}

/** Stops the port-forward this state dir recorded, if it still runs. */
export async function stopPortForward(stateDir: string): Promise<boolean> {
  const { recordFile } = portForwardFiles(stateDir);
  const record = await readProcessRecord(recordFile);
  await rm(recordFile, { force: true });
  if (!record) return false;
  const markers = portForwardMarkers(record.meta?.service);
  const { outcome } = await stopRecordedProcess(record, markers, { graceMs: 3000 });
  return outcome === 'stopped' || outcome === 'killed';
}
