// Asking a deployment's controller whether it runs: a request on its ping
// subject over NATS, and its loopback /healthz. Whatever a reply says is
// information for status and validate, never a process to signal: anyone who
// may publish on NATS can answer a ping.
import type { NatsConnection } from '@nats-io/nats-core';
import { controllerPingSubject } from '../nats/names.js';
import { loopbackGet } from '../system/loopback-http.js';

/** Who to ask: the deployment, over its NATS connection (none: nobody answers). */
export interface PingTarget {
  nats?: { nc: NatsConnection };
  deployment: string;
}

export interface PingReply {
  ok: boolean;
  pid: number;
  version: string;
  deployment: string;
}

function asPingReply(text: string, deployment: string): PingReply | undefined {
  try {
    const reply = JSON.parse(text) as PingReply;
    return reply?.ok === true && reply.deployment === deployment ? reply : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the deployment's controller to answer; undefined when none does in time.
 * Whatever a reply says is information for status, never a process to signal.
 */
export async function pingController(ctx: PingTarget, timeoutMs = 1000): Promise<PingReply | undefined> {
  if (!ctx.nats) return undefined;
  try {
    const msg = await ctx.nats.nc.request(controllerPingSubject(ctx.deployment), '', { timeout: timeoutMs });
    return asPingReply(msg.string(), ctx.deployment);
  } catch {
    return undefined;
  }
}

/** Every reply to one ping within the time (several controllers, or someone else answering too). */
export async function pingAll(ctx: PingTarget, timeoutMs: number): Promise<PingReply[]> {
  if (!ctx.nats) return [];
  const replies: PingReply[] = [];
  try {
    const it = await ctx.nats.nc.requestMany(controllerPingSubject(ctx.deployment), '', {
      strategy: 'timer',
      maxWait: timeoutMs,
    });
    for await (const msg of it) {
      const reply = asPingReply(msg.string(), ctx.deployment);
      if (reply) replies.push(reply);
    }
  } catch {
    // No responders, or the connection closed: no replies.
  }
  return replies;
}

export async function controllerHttpHealthy(
  port: number,
  path = '/healthz',
  timeoutMs = 1000,
): Promise<boolean> {
  try {
    const res = await loopbackGet(`http://127.0.0.1:${port}${path}`, timeoutMs);
    return res.status >= 200 && res.status < 300;
  } catch {
    return false;
  }
}
