// The `natsgh bootstrap` service: resolves the configuration, takes the
// deployment's locks, loads checkpoints (KV first when NATS answers at start,
// else the journal), runs the phases and releases everything on the way out,
// also on SIGINT/SIGTERM and on failure. --dry-run reads and never writes.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { assertValidCombination } from '../config/combination.js';
import type { NatsghConfig } from '../config/keys.js';
import { assertPortPlan } from '../config/port-plan.js';
import { settingsDir, startedThings } from '../config/recorded.js';
import type { Logger } from '../contracts.js';
import { silentLog } from '../contracts.js';
import { errorMessage, InterruptedError, NatsghError, UsageError } from '../errors.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import { controllerDurableName, deploymentLockKey, LOCK_LEASE_MS } from '../nats/names.js';
import { newBootstrapContext } from '../phases/context.js';
import type { BootstrapPhase } from '../phases/index.js';
import { PHASE_LIST, type PhaseId } from '../phases/list.js';
import { type Provisioner, provisionContext } from '../provision/provisioner.js';
import { sweepTempFiles } from '../system/atomic-file.js';
import { currentPlatform } from '../system/platform.js';
import type { TerraformOptions } from '../terraform/options.js';
import type { Checkpoint } from '../workflow/checkpoints.js';
import { type GraphFormat, phaseGraph } from '../workflow/graph.js';
import {
  acquireFileLock,
  acquireKvLock,
  currentHolder,
  type LockHandle,
  lockFilePath,
} from '../workflow/locks.js';
import {
  type PhaseReport,
  type RenderMode,
  runPhases,
  type Selection,
  validateSelection,
} from '../workflow/runner.js';
import { trace, traced } from '../workflow/trace.js';
import { RunRecord } from './bootstrap-record.js';
import {
  CorruptCheckpointError,
  journalDir,
  newCheckpointStore,
  readJournal,
  readKvCheckpoints,
} from './checkpoints.js';
import {
  type DeploymentNats,
  openDeploymentNats,
  openProvisionedNats,
  tryOpenDeploymentNats,
} from './deployment-nats.js';
import { newRunId } from './run-id.js';
import { testHooks } from './test-hooks.js';

export interface BootstrapOptions {
  config: NatsghConfig;
  selection: Selection;
  dryRun: boolean;
  graph?: GraphFormat;
  lockTimeoutMs: number;
  interactive: boolean;
  assumeYes: boolean;
  render: RenderMode;
  signal: AbortSignal;
  cliVersion: string;
  terraform: TerraformOptions;
  /** Replaces the phase list (tests). */
  phases?: readonly BootstrapPhase[];
  /** Replaces createProvisioner(config) (tests). */
  provisioner?: Provisioner;
  /** Where warnings go when no renderer shows them (default: nowhere). */
  log?: Logger;
}

export interface BootstrapResult {
  ok: boolean;
  deployment: string;
  runId: string;
  nats: { url: string | null };
  phases: PhaseReport[];
  dryRun?: boolean;
  graph?: string;
}

/**
 * For a server natsgh runs: the credentials the user gave, or the stored ones, or
 * new ones (deployment-auth.ts) become the config's `nats.*` auth keys, which the
 * provisioners configure the servers with and every client connects with.
 */
async function ensureServerCredentials(config: NatsghConfig): Promise<void> {
  const auth = await import('../nats/deployment-auth.js');
  if (!auth.natsghRunsServer(config)) return;
  const creds = await auth.ensureDeploymentCredentials(config);
  config.nats = auth.withClientAuth(config, creds).nats;
}

/** The NATS CLI context of the deployment (`nats --context FILE`), rewritten after every run that reached NATS. */
async function writeContextFile(config: NatsghConfig, spec: NatsConnectionSpec, log: Logger): Promise<void> {
  const auth = await import('../nats/deployment-auth.js');
  const runs = auth.natsghRunsServer(config);
  try {
    await auth.writeNatsContext(config.stateDir, config.deployment, {
      ...spec,
      // A password or token of a server natsgh does not run stays where the user keeps it.
      ...(runs ? {} : { user: undefined, password: undefined, token: undefined }),
      description: `natsgh deployment ${config.deployment} (${config.mode}/${config.natsType})`,
    });
  } catch (err) {
    log.warn(`could not write the NATS CLI context: ${errorMessage(err)}`);
  }
}

export async function runBootstrap(opts: BootstrapOptions): Promise<BootstrapResult> {
  trace('bootstrap start');
  const config = { ...opts.config, stateDir: resolve(opts.config.stateDir) };
  assertValidCombination(config.mode, config.natsType);
  // Ports are planned before anything starts: a derived port on another port's number fails here.
  assertPortPlan(config);
  const metas = opts.phases ?? PHASE_LIST;
  const bad = validateSelection(
    opts.selection,
    metas.map((p) => p.id),
  );
  if (bad) {
    throw new UsageError(bad, {
      code: 'unknown_phase',
      suggestions: ['Run `natsgh bootstrap --dry-run` to see the phases.'],
    });
  }
  const runId = newRunId();
  const deployment = config.deployment;
  // The graph is the phases' dependencies, nothing else: no plan, no connection, no task list.
  if (opts.graph) {
    return {
      ok: true,
      deployment,
      runId,
      nats: { url: null },
      phases: [],
      dryRun: true,
      graph: phaseGraph(metas, opts.graph),
    };
  }
  const phases = opts.phases ?? (await (await import('../phases/index.js')).loadPhases());
  const provisioner =
    opts.provisioner ?? (await (await import('../provision/index.js')).createProvisioner(config));
  const dryRun = opts.dryRun;
  const log = opts.log ?? silentLog;
  const warn = (message: string) => log.warn(message);
  // A cluster keeps every natsgh stream and bucket at R3 (min(3, nodes)); anything else at 1.
  const replicas = (await import('../nats/buckets.js')).deploymentReplicas(config);
  // Every stream and bucket declares its size, from one table (nats/sizing.ts).
  const { streamSizes } = await import('../nats/sizing.js');
  const sizes = streamSizes(config);
  const pctx = provisionContext({
    config,
    signal: opts.signal,
    interactive: opts.interactive,
    assumeYes: opts.assumeYes,
    log,
  });

  // A lost KV lease stops the run like an interrupt does, with its own reason.
  const lockLost = new AbortController();
  const signal = AbortSignal.any([opts.signal, lockLost.signal]);
  const store = newCheckpointStore(config.stateDir, deployment, !dryRun);
  const ctx = newBootstrapContext({
    config,
    runId,
    cliVersion: opts.cliVersion,
    platform: currentPlatform(),
    interactive: opts.interactive,
    assumeYes: opts.assumeYes,
    signal,
    log,
    provisioner,
    terraform: opts.terraform,
    checkpoints: store,
  });

  let fileLock: LockHandle | undefined;
  const record = new RunRecord(config, { runId, cliVersion: opts.cliVersion }, log);
  let kvLock: LockHandle | undefined;
  let nats: DeploymentNats | undefined;
  let publisher:
    | Awaited<ReturnType<typeof import('../events/publisher.js').createEventPublisher>>
    | undefined;

  /** Connects (once), takes the KV lease, and points checkpoints and events at NATS. */
  const attachNats = async (n: DeploymentNats) => {
    nats = n;
    ctx.nats = { nc: n.nc, spec: n.spec };
    // The store only reads in --dry-run (it was made read-only), so verify can compare with KV.
    if (n.checkpoints) store.attachKv(n.checkpoints);
    if (dryRun) return;
    kvLock = await traced('kv lock', () =>
      acquireKvLock(n.locks!, deploymentLockKey(deployment), fileLock!.holder, {
        leaseMs: LOCK_LEASE_MS,
        waitMs: opts.lockTimeoutMs,
        signal: opts.signal,
        what: `deployment ${deployment}`,
      }),
    );
    kvLock.lost.addEventListener('abort', () => lockLost.abort(kvLock!.lost.reason), { once: true });
    if (replicas > 1) {
      // The controller's streams and buckets too: a controller in a container may run
      // without the cluster's settings and create them at R1; raising them here fixes that.
      try {
        const { ensureControllerStreams } = await import('../controller/streams.js');
        await traced('ensure controller streams', () =>
          ensureControllerStreams(n.nc, n.spec, { replicas, warn, sizes }),
        );
      } catch (err) {
        log.warn(`natsgh's streams could not be ensured at R${replicas} yet: ${errorMessage(err)}`);
      }
    }
    if (publisher) {
      try {
        await traced('events attach', () => publisher!.attach(n.nc, n.spec));
      } catch (err) {
        log.warn(`events stay queued in the state dir: ${errorMessage(err)}`);
      }
    }
  };

  /** Records the settings with what now runs and what this run left out and why (status shows it). */
  const recordWhatRuns = (reports: readonly PhaseReport[]) => {
    const nodes = ctx.recorded['provision-nats'];
    return record.end(
      {
        started: startedThings(config, {
          nats:
            nodes && !provisioner.reachableAtStart
              ? { servers: provisioner.connection(pctx).servers, provisionerKind: provisioner.kind }
              : undefined,
          // deploy-controller deploys it in every mode.
          controller: ctx.outputs['deploy-controller'] !== undefined,
        }),
        // "done and verified" is in the checkpoints.
        skipped: Object.fromEntries(
          reports
            .filter((r) => r.status === 'skipped' && ctx.outputs[r.id as PhaseId] === undefined)
            .map((r) => [r.id, r.reason]),
        ),
      },
      nats?.checkpoints,
    );
  };

  /**
   * A publish that failed while NATS was connected (a stream leader election
   * after a node died) queued the event and every later one; attaching again
   * flushes them, in order, as soon as NATS takes them.
   */
  const flushQueuedEvents = async () => {
    if (!publisher || publisher.attached || !nats || nats.nc.isClosed()) return;
    try {
      await publisher.attach(nats.nc, nats.spec);
    } catch (err) {
      log.warn(`events stay queued in the state dir: ${errorMessage(err)}`);
    }
  };

  try {
    if (!dryRun) {
      await mkdir(config.stateDir, { recursive: true });
      await ignoreStateDir(config.stateDir);
      fileLock = await acquireFileLock(lockFilePath(config.stateDir, deployment), currentHolder(runId), {
        waitMs: opts.lockTimeoutMs,
        signal: opts.signal,
        what: `deployment ${deployment}`,
      });
      // Under the lock no other run writes here: a temp file of a dead writer is debris of a kill -9.
      await sweepTempFiles([
        config.stateDir,
        journalDir(config.stateDir, deployment),
        settingsDir(config.stateDir),
      ]);
      await traced('nats credentials', () => ensureServerCredentials(config));
      await record.begin();
      const { createEventPublisher } = await import('../events/publisher.js');
      publisher = createEventPublisher({
        stateDir: config.stateDir,
        deployment,
        source: `natsgh-cli/${opts.cliVersion}`,
        replicas,
        warn,
        sizes,
      });
      ctx.events = publisher;
    }

    const journal = await readJournal(config.stateDir, deployment);
    let checkpoints: Map<string, Checkpoint> = journal;
    // KV is the source of truth once it exists: read it first whenever NATS answers.
    if (provisioner.reachableAtStart || journal.has('provision-nats')) {
      trace('open NATS');
      // NATS natsgh does not run (Synadia, your own server): permissions and account limits are
      // checked before the first change (nats/preflight.ts).
      const n = provisioner.reachableAtStart
        ? await openDeploymentNats(provisioner.connection(pctx), {
            create: !dryRun,
            replicas,
            warn,
            sizes,
            preflight: {
              deployment,
              role: 'bootstrap',
              sizes,
              replicas,
              durable: controllerDurableName(deployment),
            },
          })
        : await tryOpenDeploymentNats(provisioner, pctx, {
            create: !dryRun,
            replicas,
            warn,
            sizes,
            withinMs: 2500,
          });
      if (n) {
        await attachNats(n);
        if (n.checkpoints) {
          trace('read KV checkpoints');
          // The KV record comes with the checkpoints (in parallel: no extra round trip).
          const kvRecord = record.readKv(n.checkpoints);
          const inKv = await readKvCheckpoints(
            n.checkpoints,
            deployment,
            phases.map((p) => p.id),
          ).catch((err) => {
            // KV that cannot answer right now (streams electing leaders after a node died) leaves
            // the journal, which this machine kept up to date, as the best record; NATS that
            // existed before natsgh has no journal to fall back on, and a corrupt value is reported.
            if (provisioner.reachableAtStart || err instanceof CorruptCheckpointError) throw err;
            log.warn(`reading checkpoints from KV failed, using the local journal: ${errorMessage(err)}`);
            return undefined;
          });
          if (inKv && (inKv.size > 0 || provisioner.reachableAtStart)) checkpoints = inKv;
          await kvRecord;
        }
      }
    }

    trace('run phases');
    const result = await runPhases({
      phases,
      ctx,
      checkpoints,
      store,
      selection: opts.selection,
      dryRun,
      render: opts.render,
      hooks: {
        ...testHooks(),
        transition: async (phaseId, transition, durationMs, reason) => {
          const { phaseEvent } = await import('../events/builders.js');
          await ctx.events.publish(
            phaseEvent({ deployment, runId, phaseId, transition, durationMs, reason }),
          );
        },
        afterPhase: async (phase) => {
          if (ctx.nats) {
            await flushQueuedEvents();
            return;
          }
          if (phase.id !== 'provision-nats') return;
          const n = await openProvisionedNats(provisioner, pctx, {
            create: !dryRun,
            replicas,
            warn,
            sizes,
            provisioned: () => !dryRun && ctx.recorded['provision-nats'] !== undefined,
          });
          if (n) await attachNats(n);
        },
      },
    });
    if (!dryRun && nats) await writeContextFile(config, nats.spec, log);
    const url = ctx.recorded['provision-nats']?.urls.join(',') ?? (nats ? nats.spec.servers.join(',') : null);
    if (!dryRun) await recordWhatRuns(result.phases);
    return {
      ok: result.ok,
      deployment,
      runId,
      nats: { url },
      phases: result.phases,
      ...(dryRun ? { dryRun: true } : {}),
    };
  } catch (err) {
    if (lockLost.signal.aborted && !opts.signal.aborted) throw lockLost.signal.reason;
    if (opts.signal.aborted)
      throw opts.signal.reason instanceof NatsghError ? opts.signal.reason : new InterruptedError();
    throw err;
  } finally {
    trace('release');
    await kvLock?.release().catch(() => undefined);
    await flushQueuedEvents();
    await publisher?.close().catch(() => undefined);
    await nats?.close();
    // The port-forward to a cluster's NATS lives for this run only.
    if (config.mode === 'kubernetes' && !dryRun) {
      const { stopPortForward } = await import('../provision/kubectl.js');
      await stopPortForward(config.stateDir).catch(() => undefined);
    }
    await fileLock?.release().catch(() => undefined);
    trace('bootstrap end');
  }
}

/**
 * The state dir holds server configs with credentials, TLS keys, logs and pids:
 * machine state, never to be committed. The default `.natsgh/` often sits in a
 * repository, where `git add -A` would take all of it: a `.gitignore` of `*` in
 * it keeps git out (a file the user wrote there is left as it is).
 */
async function ignoreStateDir(stateDir: string): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(
    resolve(stateDir, '.gitignore'),
    '# written by natsgh: machine state (server configs with credentials, TLS keys, logs)\n*\n',
    { flag: 'wx' },
  ).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}
