import { resolveConfig } from '/work/wt/review19/dist/config/load.js';
import { connectionSpecFromConfig, connectNats } from '/work/wt/review19/dist/nats/connect.js';
const { config } = await resolveConfig({ noFile: true, env: {}, flags: { 'state-dir': process.argv[2] } });
const nc = await connectNats(connectionSpecFromConfig(config));
const victim = Number(process.argv[3]);
nc.subscribe('natsgh.default.controller.ping', { callback: (_e, m) => { m.respond(JSON.stringify({ ok: true, deployment: 'default', pid: victim, version: '0.1.0', instance: 'x'})); } });
nc.subscribe('natsgh.default.controller.>', { callback: (_e, m) => { if (m.reply) m.respond(JSON.stringify({ ok: true, deployment: 'default', pid: victim, version: '0.1.0' })); } });
console.log('forger ready'); setTimeout(() => nc.close(), 60000);
