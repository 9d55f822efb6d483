// The controller adapter for a mode (deploy-controller's only way to the controller).
import type { NatsghConfig } from '../../config/keys.js';
import type { ControllerAdapter } from './adapter.js';
import { devController } from './dev.js';
import { dockerController } from './docker.js';
import { kubernetesController } from './kubernetes.js';

export type { ControllerAdapter, ControllerContext } from './adapter.js';

const ADAPTERS: Record<NatsghConfig['mode'], ControllerAdapter> = {
  dev: devController,
  docker: dockerController,
  kubernetes: kubernetesController,
};

export function controllerAdapter(mode: NatsghConfig['mode']): ControllerAdapter {
  return ADAPTERS[mode];
}
