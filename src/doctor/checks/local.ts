// Checks of this machine's resources natsgh will use: the TCP ports of the
// servers it runs here, and the state directory (journal, lock, pid files).
import { randomBytes } from 'node:crypto';
import { access, constants, rm, stat, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { type PlannedPort, planPortConflicts, planPorts } from '../../config/port-plan.js';
import type { PortHolder } from '../../system/port-holder.js';
import type { CheckOutcome, DoctorCheck, DoctorContext } from '../check.js';

/** Every host port of every node natsgh would run for this mode and NATS type (config/port-plan.ts). */
export function portsInUse(ctx: DoctorContext): PlannedPort[] {
  return planPorts({ ...ctx.config, mode: ctx.mode, natsType: ctx.natsType });
}

function canListen(port: number): Promise<true | string> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    // 0.0.0.0 conflicts with a listener on any local address, so this finds loopback-only users too.
    srv.listen({ port, host: '0.0.0.0', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Reads the first bytes a server sends: nats-server greets every client with "INFO {...}". */
function greets(port: number, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const done = (text: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(text);
    };
    const timer = setTimeout(() => done(''), timeoutMs);
    socket.once('data', (d) => done(d.toString('utf8', 0, Math.min(d.length, 16))));
    socket.once('error', () => done(''));
  });
}

async function answersHttp(ctx: DoctorContext, port: number): Promise<boolean> {
  try {
    const res = await ctx.deps.fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(1000),
    });
    await res.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function whoListens(ctx: DoctorContext, port: number): string {
  switch (ctx.deps.platform.os) {
    case 'win32':
      return `netstat -ano | findstr :${port}`;
    case 'darwin':
      return `lsof -nP -iTCP:${port} -sTCP:LISTEN`;
    default:
      return `ss -ltnp 'sport = :${port}'`;
  }
}

/**
 * Whether a busy port is held by this deployment's own server or controller:
 * the server's monitor names it (server_name) and lists the port, or the
 * controller's recorded pid is the port's holder.
 */
async function heldByThisDeployment(
  ctx: DoctorContext,
  use: PlannedPort,
  plan: readonly PlannedPort[],
  holder: PortHolder | undefined,
): Promise<boolean> {
  if (use.owner === 'controller') {
    const { controllerFiles } = await import('../../deploy/controller/dev.js');
    const { readPidFile } = await import('../../system/process.js');
    const pid = await readPidFile(controllerFiles(ctx.config.stateDir).pidFile);
    return holder !== undefined && holder.pid === pid;
  }
  const monitor = plan.find((p) => p.owner === use.owner && p.what.startsWith('monitoring port'));
  if (!monitor) return false;
  try {
    const res = await ctx.deps.fetch(`http://127.0.0.1:${monitor.port}/varz`, {
      signal: AbortSignal.timeout(1000),
    });
    const varz = (await res.json()) as {
      server_name?: string;
      port?: number;
      http_port?: number;
      cluster?: { port?: number };
    };
    return (
      varz.server_name === use.owner && [varz.port, varz.http_port, varz.cluster?.port].includes(use.port)
    );
  } catch {
    return false;
  }
}

export const portsCheck: DoctorCheck = {
  id: 'ports',
  title: 'Ports',
  appliesTo(ctx) {
    if (ctx.mode === 'kubernetes') return 'kubernetes mode listens inside the cluster, not on this machine';
    return true;
  },
  async run(ctx) {
    const plan = portsInUse(ctx);
    const conflicts = planPortConflicts(plan);
    if (conflicts.length > 0) {
      return {
        status: 'fail',
        message: conflicts.join('; '),
        hint: 'Choose ports that leave room for every node: --nats-port, --monitor-port, --cluster-port, --controller-port.',
      };
    }
    const busy: string[] = [];
    const ours: string[] = [];
    const free: number[] = [];
    const hints: string[] = [];
    const { findPortHolder, describeHolder } = await import('../../system/port-holder.js');
    const results = await Promise.all(
      plan.map(async (use) => {
        const result = await canListen(use.port);
        if (result === true) return { use, result };
        const holder = await findPortHolder(use.port, ctx.deps.platform);
        return { use, result, holder, ours: await heldByThisDeployment(ctx, use, plan, holder) };
      }),
    );
    for (const { use, result, holder, ours: isOurs } of results) {
      if (result === true) {
        free.push(use.port);
        continue;
      }
      // Re-running natsgh is safe: a port held by the server or controller it started earlier is expected.
      if (isOurs) {
        const who = use.owner === 'controller' ? 'controller' : `nats-server ${use.owner}`;
        ours.push(
          `${use.what} ${use.port} is held by this deployment's ${who}${holder ? ` (pid ${holder.pid})` : ''}`,
        );
        continue;
      }
      // A NATS or HTTP server that is not this deployment's: another deployment, or something else.
      const kind =
        use.protocol === 'nats' && (await greets(use.port)).startsWith('INFO ')
          ? "a NATS server that is not this deployment's"
          : use.protocol === 'http' && (await answersHttp(ctx, use.port))
            ? "an HTTP server that is not this deployment's"
            : undefined;
      busy.push(
        `${use.what} ${use.port} is in use by ${describeHolder(holder)}${kind ? `, ${kind}` : ''} (${result})`,
      );
      hints.push(
        holder
          ? `stop pid ${holder.pid} (${holder.command}) or choose another port with ${use.flag}`
          : `find the program with \`${whoListens(ctx, use.port)}\` and stop it, or choose another port with ${use.flag}`,
      );
    }
    if (busy.length > 0) {
      return { status: 'fail', message: [...busy, ...ours].join('; '), hint: `${hints.join('; ')}.` };
    }
    if (ours.length > 0) {
      return {
        status: 'ok',
        message: [...ours, free.length > 0 ? `free: ${free.join(', ')}` : ''].filter(Boolean).join('; '),
      };
    }
    return { status: 'ok', message: `free: ${free.join(', ')}` };
  },
};

async function nearestExisting(path: string): Promise<string> {
  let cur = path;
  for (;;) {
    try {
      await stat(cur);
      return cur;
    } catch {
      const parent = dirname(cur);
      if (parent === cur) return cur;
      cur = parent;
    }
  }
}

export const stateDirCheck: DoctorCheck = {
  id: 'state-dir',
  title: 'State directory',
  appliesTo: () => true,
  async run(ctx): Promise<CheckOutcome> {
    const dir = ctx.config.stateDir;
    const hint = 'Choose a writable directory with --state-dir (NATSGH_STATE_DIR), or fix its permissions.';
    const existing = await nearestExisting(dir);
    const info = await stat(existing);
    if (existing === dir) {
      if (!info.isDirectory())
        return { status: 'fail', message: `${dir} exists but is not a directory`, hint };
      // Writing a file is the only reliable test (ACLs, read-only mounts).
      const probe = join(dir, `.natsgh-doctor-${randomBytes(4).toString('hex')}`);
      try {
        await writeFile(probe, '');
        await rm(probe, { force: true });
      } catch (err) {
        return {
          status: 'fail',
          message: `${dir} is not writable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
          hint,
        };
      }
      return { status: 'ok', message: `${dir} is writable` };
    }
    if (!info.isDirectory())
      return { status: 'fail', message: `${dir} cannot be created: ${existing} is not a directory`, hint };
    try {
      await access(existing, constants.W_OK);
    } catch {
      return { status: 'fail', message: `${dir} cannot be created: ${existing} is not writable`, hint };
    }
    return { status: 'ok', message: `${dir} will be created (${existing} is writable)` };
  },
};
