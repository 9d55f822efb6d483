// Picks the provisioner for a (mode, NATS type) pair. Modules load lazily so a
// command only pays for the provisioner it uses.
import type { NatsghConfig } from '../config/keys.js';
import { NatsghError } from '../errors.js';
import type { Provisioner } from './provisioner.js';

export async function createProvisioner(config: NatsghConfig): Promise<Provisioner> {
  const key = `${config.mode}/${config.natsType}`;
  switch (key) {
    case 'dev/embedded':
      return (await import('./embedded.js')).createEmbeddedProvisioner(config);
    case 'dev/self_hosted_cluster':
      return (await import('./local-cluster.js')).createLocalClusterProvisioner(config);
    case 'dev/self_hosted':
      return new (await import('./external.js')).ExternalNatsProvisioner();
    case 'dev/synadia':
      return new (await import('./synadia.js')).SynadiaProvisioner();
    case 'dev/hybrid':
      return (await import('./hybrid.js')).createHybridProvisioner(config);
    case 'docker/self_hosted':
    case 'docker/self_hosted_cluster':
    case 'docker/hybrid':
    case 'docker/synadia':
      return (await import('./docker.js')).createDockerProvisioner(config);
    case 'kubernetes/self_hosted':
    case 'kubernetes/self_hosted_cluster':
    case 'kubernetes/hybrid':
    case 'kubernetes/synadia':
      return (await import('./kubernetes.js')).createKubernetesProvisioner(config);
    default:
      throw new NatsghError(`no provisioner for --mode ${config.mode} --nats-type ${config.natsType} yet`, {
        code: 'not_supported',
      });
  }
}
