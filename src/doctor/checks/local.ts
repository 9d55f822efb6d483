// Checks of this machine's resources natsgh will use: the TCP ports of the
// servers it runs here, and the state directory (journal, lock, pid files).
import { randomBytes } from 'node:crypto';
import { access, constants, rm, stat, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { CheckOutcome, DoctorCheck, DoctorContext } from '../check.js';

interface PortUse {
  port: number;
  what: string;
  flag: string;
  protocol: 'nats' | 'http';
}

/** The host ports natsgh will listen on for this mode and NATS type. */
export function portsInUse(ctx: DoctorContext): PortUse[] {
  const { config, mode, natsType } = ctx;
  const ports: PortUse[] = [];
  if (mode === 'kubernetes') return ports;
  if (natsType !== 'synadia') {
    ports.push({
      port: config.nats.port,
      what: 'NATS client port',
      flag: '--nats-port (NATSGH_NATS_PORT)',
      protocol: 'nats',
    });
    ports.push({
      port: config.nats.monitorPort,
      what: 'NATS monitoring port',
      flag: '--monitor-port (NATSGH_MONITOR_PORT)',
      protocol: 'http',
    });
  }
  ports.push({
    port: config.controller.port,
    what: 'controller port',
    flag: '--controller-port (NATSGH_CONTROLLER_PORT)',
    protocol: 'http',
  });
  return ports.filter((p) => p.port > 0);
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

export const portsCheck: DoctorCheck = {
  id: 'ports',
  title: 'Ports',
  appliesTo(ctx) {
    if (ctx.mode === 'kubernetes') return 'kubernetes mode listens inside the cluster, not on this machine';
    return true;
  },
  async run(ctx) {
    const busy: string[] = [];
    const reused: string[] = [];
    const free: number[] = [];
    const hints: string[] = [];
    for (const use of portsInUse(ctx)) {
      const result = await canListen(use.port);
      if (result === true) {
        free.push(use.port);
        continue;
      }
      // Re-running natsgh is safe: a port held by the server or controller it started earlier is expected.
      const ours =
        use.protocol === 'nats'
          ? (await greets(use.port)).startsWith('INFO ')
          : await answersHttp(ctx, use.port);
      if (ours) {
        reused.push(
          `${use.what} ${use.port} is served by ${use.protocol === 'nats' ? 'a NATS server' : 'an HTTP server answering /healthz'} (started by an earlier run?)`,
        );
        continue;
      }
      busy.push(`${use.what} ${use.port} is in use (${result})`);
      hints.push(
        `find the program with \`${whoListens(ctx, use.port)}\` and stop it, or choose another port with ${use.flag}`,
      );
    }
    if (busy.length > 0) {
      return { status: 'fail', message: [...busy, ...reused].join('; '), hint: `${hints.join('; ')}.` };
    }
    if (reused.length > 0) {
      return {
        status: 'warn',
        message: [...reused, free.length > 0 ? `free: ${free.join(', ')}` : ''].filter(Boolean).join('; '),
        hint: 'If that is not a server natsgh started, stop it or choose other ports.',
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
