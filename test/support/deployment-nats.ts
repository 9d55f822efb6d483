// A real nats-server with natsgh's checkpoint and lock buckets, for the describe
// block that calls useDeploymentNats() (started before its tests, stopped after).
import { afterAll, beforeAll } from 'vitest';
import { type DeploymentNats, openDeploymentNats } from '../../src/services/deployment-nats.js';
import { startNatsServer, type TestNatsServer } from './nats-server.js';

export function useDeploymentNats(): () => DeploymentNats {
  let server: TestNatsServer | undefined;
  let nats: DeploymentNats | undefined;
  beforeAll(async () => {
    server = await startNatsServer();
    nats = await openDeploymentNats({ servers: [server.url] }, { create: true });
  });
  afterAll(async () => {
    await nats?.close();
    await server?.stop();
  });
  return () => {
    if (!nats) throw new Error('useDeploymentNats: NATS is not open (outside the describe block?)');
    return nats;
  };
}
