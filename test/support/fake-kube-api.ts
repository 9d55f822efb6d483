// An in-process fake Kubernetes API server for running the REAL kubectl in
// tests (no cluster here). It serves what kubectl needs before it would need a
// node: /version, discovery (/api, /apis, the group versions' resource lists),
// the OpenAPI v3 documents kubectl reads to learn that the server validates
// fields itself, GET and LIST of objects (label selectors, a watch that stays
// open), DELETE, and PATCH with `application/apply-patch+yaml` (server-side
// apply). Applied objects are validated against the Kubernetes OpenAPI schemas
// (kubernetes-models), as a real API server would refuse them.
//
// It plays the controllers too, just enough for `kubectl rollout status`: an
// applied StatefulSet or Deployment gets Running, Ready pods built from its
// template and a finished rollout status.
//
// Where it stops: POST .../pods/<pod>/portforward (the stream kubectl opens to
// the kubelet) is recorded and refused with 403 — it needs a node. Everything
// kubectl checks before that (the Service exists, a Running pod matches its
// selector, every requested port is a port of the Service and maps to a
// container port) runs for real in kubectl.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';

type Obj = Record<string, any>;

interface ResourceType {
  group: string; // '' for core
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

const TYPES: ResourceType[] = [
  {
    group: '',
    version: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
  },
  { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true },
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
  },
  { group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'] },
  { group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true },
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'] },
  {
    group: '',
    version: 'v1',
    resource: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
  },
  {
    group: 'policy',
    version: 'v1',
    resource: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    namespaced: true,
  },
];

const GROUPS = [...new Set(TYPES.filter((t) => t.group).map((t) => t.group))];

/** kubernetes-models module per kind, for validation of applied objects. */
const MODEL_MODULES: Record<string, string> = {
  Namespace: 'kubernetes-models/v1/Namespace',
  Secret: 'kubernetes-models/v1/Secret',
  ConfigMap: 'kubernetes-models/v1/ConfigMap',
  Service: 'kubernetes-models/v1/Service',
  ServiceAccount: 'kubernetes-models/v1/ServiceAccount',
  Pod: 'kubernetes-models/v1/Pod',
  PersistentVolumeClaim: 'kubernetes-models/v1/PersistentVolumeClaim',
  StatefulSet: 'kubernetes-models/apps/v1/StatefulSet',
  Deployment: 'kubernetes-models/apps/v1/Deployment',
  PodDisruptionBudget: 'kubernetes-models/policy/v1/PodDisruptionBudget',
};

/** Throws kubernetes-models' schema error when the object does not match the Kubernetes OpenAPI schema. */
export async function validateAgainstSchema(obj: Obj): Promise<void> {
  const mod = MODEL_MODULES[obj.kind];
  if (!mod) throw new Error(`no schema for kind ${obj.kind}`);
  const Model = (await import(mod))[obj.kind];
  new Model(obj).validate();
}

function gv(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

function status(code: number, reason: string, message: string, details?: Obj): Obj {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details,
    code,
  };
}

function matchesSelector(labels: Record<string, string> | undefined, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=');
    return labels?.[k] === v;
  });
}

export interface FakeKubeApi {
  url: string;
  /** A kubeconfig whose current context ("fake") points here. */
  kubeconfig: string;
  /** Environment for the real kubectl: KUBECONFIG, a private discovery cache, HOME. */
  env: Record<string, string>;
  /** Stored objects (what was applied, as the server keeps it). */
  objects(kind?: string): Obj[];
  get(kind: string, namespace: string | undefined, name: string): Obj | undefined;
  /** Puts an object in the store as if someone else had created it. */
  put(obj: Obj): void;
  /** Every request: method, path with query, the field manager of applies. */
  requests: Array<{ method: string; url: string; contentType?: string }>;
  /** Schema validation failures the server answered with 422. */
  rejected: string[];
  stop(): Promise<void>;
}

export async function startFakeKubeApi(dir: string): Promise<FakeKubeApi> {
  const store = new Map<string, Obj>();
  const requests: FakeKubeApi['requests'] = [];
  const rejected: string[] = [];
  const watchers = new Set<ServerResponse>();
  let rv = 1;
  const key = (kind: string, ns: string | undefined, name: string) => `${kind}/${ns ?? ''}/${name}`;

  function save(obj: Obj): Obj {
    const meta = obj.metadata;
    const old = store.get(key(obj.kind, meta.namespace, meta.name));
    meta.uid = old?.metadata.uid ?? randomUUID();
    meta.creationTimestamp =
      old?.metadata.creationTimestamp ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    meta.resourceVersion = String(++rv);
    meta.generation = (old?.metadata.generation ?? 0) + 1;
    store.set(key(obj.kind, meta.namespace, meta.name), obj);
    return obj;
  }

  /** The API server's defaulting that kubectl relies on (rollout status reads the update strategy). */
  function defaults(obj: Obj): void {
    if (obj.kind === 'StatefulSet') {
      obj.spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
      obj.spec.podManagementPolicy ??= 'OrderedReady';
    }
    if (obj.kind === 'Deployment') {
      obj.spec.strategy ??= {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      };
    }
  }

  /** The controllers' part: Running, Ready pods and a finished rollout. */
  function reconcile(obj: Obj): void {
    if (obj.kind !== 'StatefulSet' && obj.kind !== 'Deployment') return;
    const replicas = obj.spec.replicas ?? 1;
    const ns = obj.metadata.namespace;
    for (const [k, p] of store) {
      if (
        p.kind === 'Pod' &&
        p.metadata.namespace === ns &&
        p.metadata.ownerReferences?.[0]?.uid === obj.metadata.uid
      )
        store.delete(k);
    }
    for (let i = 0; i < replicas; i++) {
      const name =
        obj.kind === 'StatefulSet' ? `${obj.metadata.name}-${i}` : `${obj.metadata.name}-5d9c7b8f4-${i}x`;
      const tmpl = obj.spec.template;
      save({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          namespace: ns,
          labels: { ...tmpl.metadata?.labels },
          annotations: { ...tmpl.metadata?.annotations },
          ownerReferences: [
            { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, uid: obj.metadata.uid },
          ],
        },
        spec: tmpl.spec,
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          podIP: `10.244.0.${10 + i}`,
        },
      });
    }
    const gen = obj.metadata.generation;
    obj.status =
      obj.kind === 'StatefulSet'
        ? {
            observedGeneration: gen,
            replicas,
            readyReplicas: replicas,
            availableReplicas: replicas,
            currentReplicas: replicas,
            updatedReplicas: replicas,
            currentRevision: `${obj.metadata.name}-1`,
            updateRevision: `${obj.metadata.name}-1`,
          }
        : {
            observedGeneration: gen,
            replicas,
            readyReplicas: replicas,
            availableReplicas: replicas,
            updatedReplicas: replicas,
            conditions: [
              { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
              { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
            ],
          };
  }

  function send(res: ServerResponse, code: number, body: Obj): void {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  function discovery(url: URL, res: ServerResponse): boolean {
    const p = url.pathname;
    if (p === '/version') {
      send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' });
    } else if (p === '/api') {
      send(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: url.host }],
      });
    } else if (p === '/apis') {
      send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: GROUPS.map((g) => ({
          name: g,
          versions: [{ groupVersion: `${g}/v1`, version: 'v1' }],
          preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' },
        })),
      });
    } else if (p === '/api/v1' || GROUPS.some((g) => p === `/apis/${g}/v1`)) {
      const group = p === '/api/v1' ? '' : p.split('/')[2];
      const types = TYPES.filter((t) => t.group === group);
      send(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: group ? `${group}/v1` : 'v1',
        resources: types.flatMap((t) => [
          {
            name: t.resource,
            singularName: t.kind.toLowerCase(),
            namespaced: t.namespaced,
            kind: t.kind,
            verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
            ...(t.shortNames ? { shortNames: t.shortNames } : {}),
          },
          ...(t.kind === 'Pod'
            ? [
                {
                  name: 'pods/portforward',
                  singularName: '',
                  namespaced: true,
                  kind: 'PodPortForwardOptions',
                  verbs: ['create', 'get'],
                },
              ]
            : []),
        ]),
      });
    } else if (p === '/openapi/v3') {
      const gvs = ['api/v1', ...GROUPS.map((g) => `apis/${g}/v1`)];
      send(res, 200, {
        paths: Object.fromEntries(gvs.map((g) => [g, { serverRelativeURL: `/openapi/v3/${g}?hash=fake1` }])),
      });
    } else if (p.startsWith('/openapi/v3/')) {
      // Only what kubectl reads from it: each PATCH operation, its GVK and its fieldValidation parameter.
      const g = p.slice('/openapi/v3/'.length);
      const group = g === 'api/v1' ? '' : g.split('/')[1];
      const paths: Obj = {};
      for (const t of TYPES.filter((x) => x.group === group)) {
        const base = `/${g}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.resource}/{name}`;
        paths[base] = {
          patch: {
            operationId: `patch${t.kind}`,
            parameters: [
              { name: 'dryRun', in: 'query', schema: { type: 'string' } },
              { name: 'fieldManager', in: 'query', schema: { type: 'string' } },
              { name: 'fieldValidation', in: 'query', schema: { type: 'string' } },
              { name: 'force', in: 'query', schema: { type: 'boolean' } },
            ],
            responses: { '200': { description: 'OK' } },
            'x-kubernetes-action': 'patch',
            'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
          },
        };
      }
      send(res, 200, {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: 'v1.32.0' },
        paths,
        components: {},
      });
    } else if (p === '/openapi/v2') {
      send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    } else return false;
    return true;
  }

  /** /api/v1[/namespaces/{ns}]/{resource}[/{name}[/{sub}]] and /apis/{group}/v1/... */
  function route(p: string): { type: ResourceType; ns?: string; name?: string; sub?: string } | undefined {
    const parts = p.split('/').filter(Boolean);
    let group = '';
    let rest: string[];
    if (parts[0] === 'api' && parts[1] === 'v1') rest = parts.slice(2);
    else if (parts[0] === 'apis' && parts[2] === 'v1') {
      group = parts[1];
      rest = parts.slice(3);
    } else return undefined;
    let ns: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      ns = rest[1];
      rest = rest.slice(2);
    }
    const type = TYPES.find((t) => t.group === group && t.resource === rest[0]);
    if (!type) return undefined;
    return { type, ns, name: rest[1], sub: rest[2] };
  }

  async function body(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    requests.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] });
    if (req.method === 'GET' && discovery(url, res)) return;
    const r = route(url.pathname);
    if (!r)
      return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const { type, ns, name, sub } = r;
    const notFound = () =>
      send(
        res,
        404,
        status(404, 'NotFound', `${type.resource} "${name}" not found`, { name, kind: type.resource }),
      );

    if (sub === 'portforward') {
      // The fake stops here: the forward's stream needs a kubelet.
      return send(
        res,
        403,
        status(403, 'Forbidden', 'fake API server: port-forward streams need a node; the fake stops here'),
      );
    }
    if (req.method === 'GET' && name) {
      const obj = store.get(key(type.kind, ns, name));
      return obj ? send(res, 200, obj) : notFound();
    }
    if (req.method === 'GET') {
      const items = [...store.values()].filter(
        (o) =>
          o.kind === type.kind &&
          (!ns || o.metadata.namespace === ns) &&
          matchesSelector(o.metadata.labels, url.searchParams.get('labelSelector')) &&
          (!url.searchParams.get('fieldSelector')?.startsWith('metadata.name=') ||
            o.metadata.name === url.searchParams.get('fieldSelector')!.slice('metadata.name='.length)),
      );
      if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
        // A watch with no further events: it stays open until kubectl is done.
        res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
        res.flushHeaders();
        watchers.add(res);
        res.on('close', () => watchers.delete(res));
        return;
      }
      return send(res, 200, {
        kind: `${type.kind}List`,
        apiVersion: gv(type),
        metadata: { resourceVersion: String(rv) },
        items,
      });
    }
    if (req.method === 'DELETE' && name) {
      const k = key(type.kind, ns, name);
      if (!store.has(k)) return notFound();
      const obj = store.get(k)!;
      store.delete(k);
      return send(res, 200, obj);
    }
    if (req.method === 'PATCH' && name) {
      if (req.headers['content-type'] !== 'application/apply-patch+yaml') {
        return send(res, 415, status(415, 'UnsupportedMediaType', `fake API server: only server-side apply`));
      }
      const obj = parse(await body(req)) as Obj;
      if (!url.searchParams.get('fieldManager')) {
        return send(res, 400, status(400, 'BadRequest', 'PATCH is not supported without a fieldManager'));
      }
      if (type.namespaced && !store.has(key('Namespace', undefined, ns!))) {
        return send(
          res,
          404,
          status(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' }),
        );
      }
      try {
        await validateAgainstSchema(obj);
      } catch (err) {
        rejected.push(`${obj.kind}/${name}: ${(err as Error).message}`);
        return send(
          res,
          422,
          status(422, 'Invalid', `${obj.kind} "${name}" is invalid: ${(err as Error).message}`),
        );
      }
      obj.metadata.namespace = type.namespaced ? ns : undefined;
      if (obj.kind === 'Secret' && obj.stringData) {
        obj.data = {
          ...obj.data,
          ...Object.fromEntries(
            Object.entries(obj.stringData as Record<string, string>).map(([k, v]) => [
              k,
              Buffer.from(v).toString('base64'),
            ]),
          ),
        };
        delete obj.stringData;
      }
      obj.metadata.managedFields = [
        { manager: url.searchParams.get('fieldManager'), operation: 'Apply', apiVersion: obj.apiVersion },
      ];
      const created = !store.has(key(type.kind, ns, name));
      defaults(obj);
      save(obj);
      reconcile(obj);
      return send(res, created ? 201 : 200, obj);
    }
    send(res, 405, status(405, 'MethodNotAllowed', `fake API server: ${req.method} not served`));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, status(500, 'InternalError', String(err))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: fake',
      '  cluster:',
      `    server: ${url}`,
      'users:',
      '- name: fake',
      '  user: {}',
      'contexts:',
      '- name: fake',
      '  context:',
      '    cluster: fake',
      '    user: fake',
      'current-context: fake',
      '',
    ].join('\n'),
  );
  return {
    url,
    kubeconfig,
    env: { KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'kube-cache'), HOME: dir },
    objects: (kind) => [...store.values()].filter((o) => !kind || o.kind === kind),
    get: (kind, ns, name) => store.get(key(kind, ns, name)),
    put: (obj) => {
      defaults(obj);
      save(obj);
      reconcile(obj);
    },
    requests,
    rejected,
    async stop() {
      for (const w of watchers) w.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
