// Checks for reaching NATS: the creds file (readable, private, parseable, not
// expired), TLS files (readable, key matches cert, not expired) and the NATS
// URL itself (reachable, round-trip time, JetStream enabled for the account).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { NatsghError } from '../../errors.js';
import type { CheckOutcome, DoctorCheck, DoctorContext } from '../check.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Warn this long before creds or certificates expire. */
const EXPIRY_WARNING_MS = 14 * DAY_MS;

function days(ms: number): string {
  const d = Math.floor(ms / DAY_MS);
  return d === 1 ? '1 day' : `${d} days`;
}

export const credsCheck: DoctorCheck = {
  id: 'creds',
  title: 'NATS creds file',
  appliesTo(ctx) {
    if (ctx.config.nats.credsFile || ctx.natsType === 'synadia') return true;
    return `no creds file configured (not needed for ${ctx.natsType})`;
  },
  async run(ctx) {
    const file = ctx.config.nats.credsFile;
    if (!file) {
      return {
        status: 'fail',
        message: 'synadia needs a .creds file (user JWT + NKey seed), and none is configured',
        hint: 'Download one from Synadia Cloud ("Get Connected" on the user) and pass --creds FILE or set SYNADIA_CREDS_FILE.',
      };
    }
    const { readCredsFile } = await import('../../nats/creds.js');
    let info: Awaited<ReturnType<typeof readCredsFile>>;
    try {
      info = await readCredsFile(file, ctx.deps.now());
    } catch (err) {
      if (err instanceof NatsghError)
        return { status: 'fail', message: err.message, hint: err.suggestions.join(' ') };
      throw err;
    }
    const who = `user ${info.name || info.userPublicKey} of account ${info.accountPublicKey} (fingerprint ${info.fingerprint})`;
    // POSIX: mode 0600; Windows: the file's ACL (icacls), or "unknown" when it cannot be read.
    const { checkFilePrivacy } = await import('../../system/file-privacy.js');
    const privacy = await checkFilePrivacy(file, { platform: ctx.deps.platform, run: ctx.deps.run });
    if (privacy.status === 'exposed') {
      return {
        status: 'warn',
        message: `${privacy.message}; it holds the private NKey seed of ${who}`,
        hint: privacy.fix ?? `Make ${file} readable by its owner only.`,
      };
    }
    if (info.expiresAt !== undefined) {
      const left = info.expiresAt * 1000 - ctx.deps.now();
      if (left < EXPIRY_WARNING_MS) {
        return {
          status: 'warn',
          message: `${file} (${who}) expires in ${days(left)}, at ${new Date(info.expiresAt * 1000).toISOString()}`,
          hint: 'Download fresh creds for this user before they expire.',
        };
      }
    }
    const expiry = info.expiresAt
      ? `, expires ${new Date(info.expiresAt * 1000).toISOString()}`
      : ', never expires';
    const unknown = privacy.status === 'unknown' ? ` (${privacy.message})` : '';
    return { status: 'ok', message: `${file}: ${who}${expiry}${unknown}` };
  },
};

type TlsRole = 'ca' | 'cert' | 'key';
const TLS_FLAGS: Record<TlsRole, string> = {
  ca: '--tls-ca (NATSGH_TLS_CA)',
  cert: '--tls-cert (NATSGH_TLS_CERT)',
  key: '--tls-key (NATSGH_TLS_KEY)',
};

function certExpiry(cert: X509Certificate, what: string, now: number): CheckOutcome | undefined {
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  if (to <= now) {
    return {
      status: 'fail',
      message: `${what} expired on ${new Date(to).toISOString()}`,
      hint: `Issue a new ${what}.`,
    };
  }
  if (from > now) {
    return {
      status: 'fail',
      message: `${what} is not valid before ${new Date(from).toISOString()}`,
      hint: 'Check the clock of this machine, or issue a new certificate.',
    };
  }
  if (to - now < EXPIRY_WARNING_MS) {
    return {
      status: 'warn',
      message: `${what} expires in ${days(to - now)}, on ${new Date(to).toISOString()}`,
      hint: `Renew the ${what} soon.`,
    };
  }
  return undefined;
}

/** A certificate file's text as a certificate, or the check's failure naming the file and its flag. */
function pemCertificate(text: string, file: string, role: 'ca' | 'cert'): X509Certificate | CheckOutcome {
  try {
    return new X509Certificate(text);
  } catch (err) {
    return {
      status: 'fail',
      message: `${file} is not a PEM certificate: ${(err as Error).message}`,
      hint: `${TLS_FLAGS[role]} must be the ${role === 'ca' ? 'CA' : 'client'} certificate in PEM form.`,
    };
  }
}

export const tlsCheck: DoctorCheck = {
  id: 'tls',
  title: 'TLS files',
  appliesTo(ctx) {
    const t = ctx.config.nats.tls;
    if (t.ca || t.cert || t.key) return true;
    return t.mode === 'generate'
      ? 'natsgh generates its own dev CA and certificates'
      : 'no TLS files configured';
  },
  async run(ctx) {
    const t = ctx.config.nats.tls;
    const now = ctx.deps.now();
    const texts: Partial<Record<TlsRole, string>> = {};
    for (const role of ['ca', 'cert', 'key'] as const) {
      const file = t[role];
      if (!file) continue;
      try {
        texts[role] = await readFile(file, 'utf8');
      } catch (err) {
        return {
          status: 'fail',
          message: `cannot read ${role === 'ca' ? 'the CA certificate' : role === 'cert' ? 'the client certificate' : 'the client key'} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
          hint: `Check the path given to ${TLS_FLAGS[role]} and that this user can read it.`,
        };
      }
    }
    if (Boolean(t.cert) !== Boolean(t.key)) {
      const given = t.cert ? 'cert' : 'key';
      const other = t.cert ? 'key' : 'cert';
      return {
        status: 'fail',
        message: `a client ${given} is given without a client ${other}`,
        hint: `mTLS needs both: pass ${TLS_FLAGS[other]} too.`,
      };
    }
    const notes: string[] = [];
    let ca: X509Certificate | undefined;
    if (texts.ca) {
      const parsed = pemCertificate(texts.ca, t.ca!, 'ca');
      if (!(parsed instanceof X509Certificate)) return parsed;
      ca = parsed;
      const expiry = certExpiry(ca, `CA certificate ${t.ca}`, now);
      if (expiry?.status === 'fail') return expiry;
      if (expiry) notes.push(expiry.message);
      notes.push(`CA ${ca.subject.replaceAll('\n', ', ')}`);
    }
    if (texts.cert && texts.key) {
      const cert = pemCertificate(texts.cert, t.cert!, 'cert');
      if (!(cert instanceof X509Certificate)) return cert;
      let key: ReturnType<typeof createPrivateKey>;
      try {
        key = createPrivateKey(texts.key);
      } catch {
        // The parser's message could quote key material; say only what is wrong.
        return {
          status: 'fail',
          message: `${t.key} is not a readable PEM private key (encrypted keys are not supported)`,
          hint: `${TLS_FLAGS.key} must be an unencrypted PEM private key.`,
        };
      }
      if (!cert.checkPrivateKey(key)) {
        return {
          status: 'fail',
          message: `the key ${t.key} does not match the certificate ${t.cert}`,
          hint: 'Pass the private key that belongs to this certificate.',
        };
      }
      const expiry = certExpiry(cert, `client certificate ${t.cert}`, now);
      if (expiry?.status === 'fail') return expiry;
      if (expiry) notes.push(expiry.message);
      if (ca && !cert.checkIssued(ca)) {
        return {
          status: 'warn',
          message: `client certificate ${t.cert} is not issued by the CA ${t.ca}; the server must trust its issuer`,
          hint: 'This is fine only if the server trusts another CA for client certificates.',
        };
      }
      notes.push(
        `client certificate ${cert.subject.replaceAll('\n', ', ')} matches its key, valid until ${new Date(Date.parse(cert.validTo)).toISOString()}`,
      );
    }
    const warned = notes.some((n) => / expires in /.test(n));
    return warned
      ? { status: 'warn', message: notes.join('; '), hint: 'Renew the certificate(s) that expire soon.' }
      : { status: 'ok', message: notes.join('; ') };
  },
};

function natsUrlApplies(ctx: DoctorContext): true | string {
  if (ctx.natsType === 'synadia') return true;
  if (ctx.config.nats.url && (ctx.natsType === 'self_hosted' || ctx.natsType === 'self_hosted_cluster'))
    return true;
  // A deployment natsgh already runs here is checked like any NATS: a doctor after the bootstrap.
  if (ctx.natsRunning) return true;
  return `natsgh starts the ${ctx.natsType} server itself; there is nothing to reach yet`;
}

export const natsUrlCheck: DoctorCheck = {
  id: 'nats-url',
  title: 'NATS server',
  appliesTo: natsUrlApplies,
  async run(ctx) {
    const { connectionSpecFromConfig, connectNats, jetstreamOptions } = await import('../../nats/connect.js');
    const spec = connectionSpecFromConfig(ctx.config);
    let nc: Awaited<ReturnType<typeof connectNats>>;
    try {
      nc = await connectNats(spec, { name: 'natsgh-doctor', timeoutMs: 5000 });
    } catch (err) {
      if (!(err instanceof NatsghError)) throw err;
      const mtls = err.code === 'nats_timeout' && !(spec.tls?.cert && spec.tls?.key);
      // The deployment's own server is down: `natsgh bootstrap` starts it again, nothing to fix first.
      if (ctx.natsRunning && !ctx.config.nats.url && err.code === 'nats_unreachable') {
        return {
          status: 'warn',
          message: `this deployment's NATS does not answer: ${err.message}`,
          hint: 'Run `natsgh bootstrap` to start it again, or `natsgh status` to see what stopped.',
        };
      }
      return {
        status: 'fail',
        message: err.message,
        hint: mtls
          ? 'A server that requires TLS client certificates (mTLS) shows a missing certificate as a timeout: pass --tls-cert and --tls-key. Otherwise check that the server is up and the URL is right.'
          : err.suggestions.join(' '),
      };
    }
    try {
      const rtt = await nc.rtt();
      const version = nc.info?.version ?? 'unknown';
      const { jetstreamManager } = await import('@nats-io/jetstream');
      try {
        const jsm = await jetstreamManager(nc, { ...jetstreamOptions(spec), timeout: 5000 });
        const info = await jsm.getAccountInfo();
        const domain = info.domain ?? spec.jetstreamDomain;
        return {
          status: 'ok',
          message: `${nc.getServer()} (nats-server ${version}) reachable, RTT ${rtt.toFixed(1)} ms; JetStream enabled${domain ? ` in domain ${domain}` : ''} (${info.streams} streams)`,
        };
      } catch (err) {
        const text = `${(err as Error).name} ${(err as Error).message} ${(err as { code?: string }).code ?? ''}`;
        return {
          status: 'fail',
          message: `${nc.getServer()} (nats-server ${version}) reachable, RTT ${rtt.toFixed(1)} ms, but JetStream is not available for this account${spec.jetstreamDomain ? ` in domain ${spec.jetstreamDomain}` : ''}: ${(err as Error).message}`,
          hint:
            /timeout|503|no responders/i.test(text) && spec.jetstreamDomain
              ? `Check --js-domain ${spec.jetstreamDomain}: no JetStream answers in that domain.`
              : "Enable JetStream on the server (jetstream {} in its config) or for the account (Synadia Cloud: the account's JetStream limits).",
        };
      }
    } finally {
      await nc.close().catch(() => undefined);
    }
  },
};

export const natsAccountCheck: DoctorCheck = {
  id: 'nats-account',
  title: 'NATS account limits',
  appliesTo: natsUrlApplies,
  async run(ctx) {
    const { connectionSpecFromConfig, connectNats } = await import('../../nats/connect.js');
    const { readAccount, planAgainstAccount } = await import('../../nats/account-plan.js');
    const { deploymentReplicas } = await import('../../nats/buckets.js');
    const { streamSizes } = await import('../../nats/sizing.js');
    const { controllerDurableName } = await import('../../nats/names.js');
    const { natsErrorFor } = await import('../../nats/nats-errors.js');
    const spec = connectionSpecFromConfig(ctx.config);
    let nc: Awaited<ReturnType<typeof connectNats>>;
    try {
      nc = await connectNats(spec, { name: 'natsgh-doctor', timeoutMs: 5000 });
    } catch (err) {
      if (!(err instanceof NatsghError)) throw err;
      return { status: 'skip', message: `not connected (${err.code}); see the NATS server check` };
    }
    try {
      const replicas = deploymentReplicas(ctx.config);
      const plan = planAgainstAccount(await readAccount(nc, spec, replicas), {
        streams: ['githubEvents', 'natsghEvents', 'checkpoints', 'locks', 'deliveries'],
        sizes: streamSizes(ctx.config),
        replicas,
        durable: controllerDurableName(ctx.config.deployment),
      });
      const tier = plan.tier ? ` (tier ${plan.tier})` : '';
      if (!plan.fits) {
        return {
          status: 'fail',
          message: `natsgh does not fit the account${tier}: ${plan.problems.map((p) => `${p.limit}: ${p.message}`).join('; ')}`,
          hint: [...new Set(plan.problems.flatMap((p) => p.suggestions))].join(' '),
        };
      }
      return { status: 'ok', message: `account${tier} vs natsgh: ${plan.rows.join('; ')}` };
    } catch (err) {
      const mapped = natsErrorFor(err, { deployment: ctx.config.deployment });
      return {
        status: 'fail',
        message: `cannot read the account's JetStream limits: ${(mapped ?? (err as Error)).message}`,
        hint: mapped?.suggestions.join(' ') ?? 'Check that JetStream is enabled for the account.',
      };
    } finally {
      await nc.close().catch(() => undefined);
    }
  },
};

export const natsPermissionsCheck: DoctorCheck = {
  id: 'nats-permissions',
  title: 'NATS permissions',
  appliesTo(ctx) {
    const applies = natsUrlApplies(ctx);
    if (applies !== true) return applies;
    if (!ctx.config.nats.credsFile) {
      return "no creds file: the user's permissions live in the server configuration (a violation is reported when it happens)";
    }
    return true;
  },
  async run(ctx) {
    const p = await import('../../nats/permissions.js');
    const file = ctx.config.nats.credsFile!;
    let perms: Awaited<ReturnType<typeof p.permissionsFromCreds>>;
    try {
      perms = await p.permissionsFromCreds(file);
    } catch (err) {
      return {
        status: 'skip',
        message: `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); see the creds check`,
      };
    }
    const all = p.natsghSubjects({
      deployment: ctx.config.deployment,
      jetstreamDomain: ctx.config.nats.jetstreamDomain,
    });
    const missing = p.missingPermissions(perms, all);
    const core = missing.filter((m) => m.roles.includes('bootstrap') || m.roles.includes('controller'));
    const describe = (ms: typeof missing) =>
      ms.map((m) => `${m.permission} ${m.subject} (${m.why}): ${m.reason}`).join('; ');
    const hint = (ms: typeof missing) =>
      (['publish', 'subscribe'] as const)
        .map((perm) => [...new Set(ms.filter((m) => m.permission === perm).map((m) => m.subject))])
        .map((subjects, i) =>
          subjects.length > 0 ? p.grantHint(i === 0 ? 'publish' : 'subscribe', subjects) : '',
        )
        .filter(Boolean)
        .join(' ');
    if (core.length > 0) {
      return { status: 'fail', message: `the user may not: ${describe(core)}`, hint: hint(core) };
    }
    if (missing.length > 0) {
      return {
        status: 'warn',
        message: `bootstrap and the controller have every permission they need; webhook serve and events publish would not: ${describe(missing)}`,
        hint: hint(missing),
      };
    }
    const list = (perm: 'publish' | 'subscribe') =>
      [...new Set(all.filter((n) => n.permission === perm).map((n) => n.subject))].join(', ');
    const restricted =
      perms.pub?.allow?.length ||
      perms.sub?.allow?.length ||
      perms.pub?.deny?.length ||
      perms.sub?.deny?.length;
    return {
      status: 'ok',
      message: `${restricted ? 'restricted user with' : 'unrestricted user:'} every subject natsgh uses: publish ${list('publish')}; subscribe ${list('subscribe')}`,
    };
  },
};
