// A forged controller: answers the deployment's ping subject naming a pid that
// is not natsgh's, and a guard on process.kill that records every signal this
// process sends and never delivers one to pid <= 1 (kill(-1) as root is every
// process of the machine), so a regression is reported, not suffered.
import { spawn } from 'node:child_process';
import type { NatsConnection } from '@nats-io/nats-core';
import { vi } from 'vitest';
import { connectNats } from '../../src/nats/connect.js';
import { controllerPingSubject } from '../../src/nats/names.js';
import { startNatsServer, type TestNatsServer } from './nats-server.js';

/** A real nats-server and a client on it (the forger's connection), stopped by close(). */
export async function forgeryServer(): Promise<{
  server: TestNatsServer;
  nc: NatsConnection;
  close(): Promise<void>;
}> {
  const server = await startNatsServer();
  const nc = await connectNats({ servers: [server.url] });
  return {
    server,
    nc,
    close: async () => {
      await nc.close();
      await server.stop();
    },
  };
}

export function forgePingReplies(nc: NatsConnection, deployment: string, pid: number): () => void {
  const sub = nc.subscribe(controllerPingSubject(deployment), {
    callback: (_err, msg) => {
      msg.respond(
        JSON.stringify({ ok: true, pid, version: '0.0.0-forged', deployment, instanceId: 'forged' }),
      );
    },
  });
  return () => sub.unsubscribe();
}

export interface KillGuard {
  /** Every [pid, signal] sent by this process with a signal other than 0. */
  sent: Array<[number, string | number]>;
  restore(): void;
}

export function guardKill(): KillGuard {
  const original = process.kill.bind(process);
  const sent: Array<[number, string | number]> = [];
  const spy = vi.spyOn(process, 'kill').mockImplementation((pid: number, signal?: string | number) => {
    if (signal !== 0) sent.push([pid, signal ?? 'SIGTERM']);
    if (Math.abs(pid) <= 1 && signal !== 0) return true; // recorded, never delivered
    return original(pid, signal);
  });
  return { sent, restore: () => spy.mockRestore() };
}

/**
 * An unrelated long-running process in its own process group (as a detached
 * child is), owned by `uid` when given (root only): the pid a forger names.
 */
export function unrelatedProcess(uid?: number): { pid: number; stop(): void } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], {
    detached: true,
    stdio: 'ignore',
    ...(uid ? { uid, gid: uid } : {}),
  });
  child.unref();
  if (child.pid === undefined) throw new Error('could not start the unrelated process');
  const pid = child.pid;
  return {
    pid,
    stop: () => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}
