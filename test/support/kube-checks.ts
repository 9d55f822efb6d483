// Cross-object checks over a set of Kubernetes objects (what the API server
// would accept one by one, but the cluster would not run together): selectors
// match template labels, Service targetPorts name container ports, volume
// mounts have volumes, probe ports exist, referenced Secrets/ConfigMaps/keys and
// ServiceAccounts exist. Returns the problems found (empty when consistent).
type Obj = Record<string, any>;

function podTemplates(objects: Obj[]): Array<{ owner: Obj; template: Obj }> {
  return objects
    .filter((o) => o.kind === 'StatefulSet' || o.kind === 'Deployment')
    .map((o) => ({ owner: o, template: o.spec.template }));
}

function subset(
  sel: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return Object.entries(sel ?? {}).every(([k, v]) => labels?.[k] === v);
}

function secretData(secret: Obj): Record<string, unknown> {
  return { ...secret.data, ...secret.stringData };
}

export function crossObjectProblems(objects: Obj[]): string[] {
  const problems: string[] = [];
  const find = (kind: string, ns: string | undefined, name: string) =>
    objects.find(
      (o) =>
        o.kind === kind && o.metadata.name === name && (kind === 'Namespace' || o.metadata.namespace === ns),
    );
  for (const o of objects) {
    if (o.kind !== 'Namespace' && !find('Namespace', undefined, o.metadata.namespace)) {
      problems.push(
        `${o.kind}/${o.metadata.name}: namespace ${o.metadata.namespace} is not among the objects`,
      );
    }
  }
  for (const { owner, template } of podTemplates(objects)) {
    const id = `${owner.kind}/${owner.metadata.name}`;
    const ns = owner.metadata.namespace;
    const spec = template.spec;
    if (
      !subset(owner.spec.selector?.matchLabels, template.metadata?.labels) ||
      !owner.spec.selector?.matchLabels
    ) {
      problems.push(
        `${id}: selector ${JSON.stringify(owner.spec.selector)} does not match the template labels`,
      );
    }
    const volumes = new Set<string>([
      ...(spec.volumes ?? []).map((v: Obj) => v.name),
      ...(owner.spec.volumeClaimTemplates ?? []).map((v: Obj) => v.metadata.name),
    ]);
    for (const v of spec.volumes ?? []) {
      if (v.secret) {
        const s = find('Secret', ns, v.secret.secretName);
        if (!s && !v.secret.optional)
          problems.push(`${id}: volume ${v.name}: Secret ${v.secret.secretName} missing`);
        for (const item of v.secret.items ?? []) {
          if (s && !(item.key in secretData(s))) {
            problems.push(`${id}: volume ${v.name}: Secret ${v.secret.secretName} has no key ${item.key}`);
          }
        }
      }
      if (v.configMap && !find('ConfigMap', ns, v.configMap.name)) {
        problems.push(`${id}: volume ${v.name}: ConfigMap ${v.configMap.name} missing`);
      }
    }
    if (spec.serviceAccountName && !find('ServiceAccount', ns, spec.serviceAccountName)) {
      problems.push(`${id}: ServiceAccount ${spec.serviceAccountName} missing`);
    }
    for (const c of spec.containers ?? []) {
      const cid = `${id} container ${c.name}`;
      const portNames = new Set((c.ports ?? []).map((p: Obj) => p.name));
      const portNumbers = new Set((c.ports ?? []).map((p: Obj) => p.containerPort));
      for (const m of c.volumeMounts ?? []) {
        if (!volumes.has(m.name)) problems.push(`${cid}: volumeMount ${m.name} has no volume`);
      }
      for (const probeName of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        const port = c[probeName]?.httpGet?.port ?? c[probeName]?.tcpSocket?.port;
        if (port === undefined) continue;
        if (typeof port === 'string' ? !portNames.has(port) : !portNumbers.has(port)) {
          problems.push(`${cid}: ${probeName} port ${port} is not a container port`);
        }
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const s = find('Secret', ns, ref.name);
        if (!s || !(ref.key in secretData(s))) {
          if (!ref.optional)
            problems.push(`${cid}: env ${e.name}: Secret ${ref.name} key ${ref.key} missing`);
        }
      }
    }
  }
  for (const svc of objects.filter((o) => o.kind === 'Service')) {
    const id = `Service/${svc.metadata.name}`;
    const pods = podTemplates(objects).filter(
      ({ owner, template }) =>
        owner.metadata.namespace === svc.metadata.namespace &&
        subset(svc.spec.selector, template.metadata?.labels),
    );
    if (pods.length === 0) {
      problems.push(`${id}: selector ${JSON.stringify(svc.spec.selector)} matches no pod template`);
      continue;
    }
    for (const p of svc.spec.ports ?? []) {
      const target = p.targetPort ?? p.port;
      const ok = pods.some(({ template }) =>
        template.spec.containers.some((c: Obj) =>
          (c.ports ?? []).some((cp: Obj) =>
            typeof target === 'string' ? cp.name === target : cp.containerPort === target,
          ),
        ),
      );
      if (!ok) problems.push(`${id}: port ${p.name ?? p.port} targetPort ${target} names no container port`);
    }
  }
  for (const sts of objects.filter((o) => o.kind === 'StatefulSet')) {
    const headless = find('Service', sts.metadata.namespace, sts.spec.serviceName);
    if (headless?.spec.clusterIP !== 'None') {
      problems.push(
        `StatefulSet/${sts.metadata.name}: serviceName ${sts.spec.serviceName} is not a headless Service`,
      );
    }
  }
  for (const pdb of objects.filter((o) => o.kind === 'PodDisruptionBudget')) {
    const ok = podTemplates(objects).some(({ template }) =>
      subset(pdb.spec.selector?.matchLabels, template.metadata?.labels),
    );
    if (!ok) problems.push(`PodDisruptionBudget/${pdb.metadata.name}: selector matches no pod template`);
  }
  return problems;
}
