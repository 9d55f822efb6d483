// `natsgh --version`: natsgh's version and the nats-server release it pins.
// bin/run.js answers --version/-v through this module before loading oclif, so
// it must stay light: node built-ins and the pinned-version constant only.
import { readFileSync } from 'node:fs';
import { NATS_SERVER_PINNED } from '../system/nats-server-binary.js';

export interface VersionInfo {
  natsgh: string;
  natsServerPinned: string;
  node: string;
  platform: string;
}

export function versionInfo(): VersionInfo {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return {
    natsgh: pkg.version,
    natsServerPinned: NATS_SERVER_PINNED,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** oclif's version line (name/version platform node-version), plus the pinned nats-server. */
export function versionText(v: VersionInfo = versionInfo()): string {
  return `natsgh/${v.natsgh} ${v.platform} node-${v.node} nats-server/${v.natsServerPinned} (pinned)`;
}
