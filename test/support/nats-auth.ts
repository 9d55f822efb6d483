// How a NATS client fares against a server natsgh runs: connected, or the
// error code connectNats gives (nats_auth when the server refuses the credentials).
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';

export async function connectOutcome(spec: NatsConnectionSpec): Promise<string> {
  try {
    const nc = await connectNats(spec, { timeoutMs: 3000 });
    // A server asks for auth in INFO and only then refuses: make it answer a round trip.
    await nc.flush();
    await nc.close();
    return 'connected';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}
