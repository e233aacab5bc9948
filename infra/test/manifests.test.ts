import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { overlays, render, repoRoot, validate, type K8sObject } from './render.js';

// Rule ids OPS-K8S-n are listed in docs/decisions/0605-kubernetes-manifests.md.
type Container = {
  name: string;
  image: string;
  command?: string[];
  workingDir?: string;
  securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[]; add?: string[] } };
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
};
type Probe = { httpGet?: { path: string }; periodSeconds?: number; failureThreshold?: number };
type PodSpec = {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  automountServiceAccountToken?: boolean;
  serviceAccountName?: string;
  containers: Container[];
};

const apiVersion = (
  JSON.parse(readFileSync(`${repoRoot}apps/api/package.json`, 'utf8')) as { version: string }
).version;
const dockerUser = /^USER (\d+)(?::\d+)?$/m.exec(readFileSync(`${repoRoot}infra/Dockerfile`, 'utf8'))?.[1];

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const one = (objects: K8sObject[], kind: string) => {
  const found = byKind(objects, kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as K8sObject & { spec: Record<string, unknown> };
};
const podSpecs = (objects: K8sObject[]) =>
  objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
    .map((o) => ({
      name: `${o.kind}/${o.metadata.name}`,
      pod: (o as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec,
    }));
const probeBudgetSeconds = (p: Probe | undefined) => (p?.periodSeconds ?? 10) * (p?.failureThreshold ?? 3);

describe.each(overlays)('the %s overlay', (overlay) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = render(overlay);
  });

  it('OPS-K8S-1: renders with kubectl kustomize and every object validates against the Kubernetes schemas', async () => {
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'Service',
      'ServiceAccount',
      'ConfigMap',
      'Job',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'Ingress',
    ])
      expect(kinds, kind).toContain(kind);
    for (const object of objects) await validate(object);
    const namespaces = new Set(objects.map((o) => o.metadata.namespace));
    expect([...namespaces]).toEqual([overlay === 'production' ? 'hhs-mentoring' : 'hhs-mentoring-staging']);
  });

  it('OPS-K8S-2: pods run as a numeric non-root user with seccomp RuntimeDefault, no capabilities, no escalation, read-only root', () => {
    const pods = podSpecs(objects);
    expect(pods.map((p) => p.name).sort()).toEqual([
      'Deployment/hhs-mentoring-api',
      'Job/hhs-mentoring-migrate',
    ]);
    for (const { name, pod } of pods) {
      expect(pod.securityContext?.runAsNonRoot, name).toBe(true);
      expect(pod.securityContext?.runAsUser, name).toBe(Number(dockerUser));
      expect(pod.securityContext?.runAsUser, name).toBeGreaterThan(0);
      expect(pod.securityContext?.seccompProfile?.type, name).toBe('RuntimeDefault');
      expect(pod.automountServiceAccountToken, name).toBe(false);
      for (const c of pod.containers) {
        expect(c.securityContext?.allowPrivilegeEscalation, `${name} ${c.name}`).toBe(false);
        expect(c.securityContext?.readOnlyRootFilesystem, `${name} ${c.name}`).toBe(true);
        expect(c.securityContext?.capabilities?.drop, `${name} ${c.name}`).toEqual(['ALL']);
        expect(c.securityContext?.capabilities?.add, `${name} ${c.name}`).toBeUndefined();
        expect(c.securityContext?.privileged, `${name} ${c.name}`).not.toBe(true);
        // The only writable place is the temp dir, an emptyDir.
        expect(
          c.volumeMounts?.map((m) => m.mountPath),
          `${name} ${c.name}`,
        ).toEqual(['/tmp']);
        expect(c.resources?.limits?.memory, `${name} ${c.name}`).toBeDefined();
      }
    }
    expect(one(objects, 'ServiceAccount').automountServiceAccountToken).toBe(false);
  });

  it('OPS-K8S-3: images carry the released version, never latest', () => {
    for (const { name, pod } of podSpecs(objects))
      for (const c of pod.containers) {
        const tag = /:([^:/]+)$/.exec(c.image)?.[1];
        expect(tag, `${name} ${c.image}`).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
        if (overlay === 'production') expect(tag, name).toBe(apiVersion);
      }
  });

  it('OPS-K8S-4: probes fit a migration lock and a database outage (readiness on /readyz, liveness never on the database)', () => {
    const deployment = one(objects, 'Deployment') as unknown as { spec: { template: { spec: PodSpec } } };
    const api = deployment.spec.template.spec.containers[0]!;
    expect(api.startupProbe?.httpGet?.path).toBe('/healthz');
    expect(probeBudgetSeconds(api.startupProbe)).toBeGreaterThanOrEqual(180);
    expect(api.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(api.livenessProbe?.httpGet?.path).toBe('/healthz');
    // The image's CMD, which loads dist/tracing.js before the app (decision 0610), is not overridden.
    expect(api.command).toBeUndefined();
    const config = one(objects, 'ConfigMap').data as Record<string, string>;
    expect(config.MIGRATE_ON_START).toBe('false');
    expect(config.NODE_ENV).toBe('production');
    expect(config.SEED).toBe('none');
    const job = (one(objects, 'Job') as unknown as { spec: { template: { spec: PodSpec } } }).spec.template
      .spec;
    expect(job.containers[0]?.workingDir).toBe('/app/api');
    expect(job.containers[0]?.command).toEqual(['node', '--enable-source-maps', 'dist/migrate.js']);
    expect(job.containers[0]?.image).toBe(api.image);
  });

  it('OPS-K8S-5: scales on CPU, keeps pods through a drain, and the Ingress serves TLS with HSTS', () => {
    const hpa = one(objects, 'HorizontalPodAutoscaler').spec as {
      minReplicas: number;
      metrics: Array<{ resource: { name: string } }>;
    };
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.metrics.map((m) => m.resource.name)).toEqual(['cpu']);
    expect(
      (one(objects, 'PodDisruptionBudget').spec as { minAvailable: number }).minAvailable,
    ).toBeGreaterThanOrEqual(1);
    const ingress = one(objects, 'Ingress') as K8sObject & {
      spec: { tls: Array<{ hosts: string[] }>; rules: Array<{ host: string }> };
      metadata: { annotations: Record<string, string> };
    };
    expect(ingress.spec.tls[0]?.hosts).toEqual([ingress.spec.rules[0]?.host]);
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/hsts']).toBe('true');
    const appUrl = (one(objects, 'ConfigMap').data as Record<string, string>).APP_URL;
    expect(appUrl).toBe(`https://${ingress.spec.rules[0]?.host}`);
  });

  it('OPS-K8S-6: network policies deny by default and allow only ingress controller → API, monitoring → metrics, and API → DNS, PostgreSQL, SMTP, the identity provider, OTLP and public HTTPS', () => {
    type Peer = {
      namespaceSelector?: { matchLabels: Record<string, string> };
      podSelector?: { matchLabels: Record<string, string> };
      ipBlock?: { cidr: string; except?: string[] };
    };
    type Rule = { from?: Peer[]; to?: Peer[]; ports?: Array<{ protocol: string; port: number }> };
    const policies = byKind(objects, 'NetworkPolicy') as unknown as Array<{
      spec: {
        podSelector: { matchLabels: Record<string, string> };
        policyTypes: string[];
        ingress?: Rule[];
        egress?: Rule[];
      };
    }>;
    const denyAll = policies.find((p) => !p.spec.ingress && !p.spec.egress);
    expect(denyAll?.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    expect(denyAll?.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'hhs-mentoring' });
    // Each rule as "ports ← peers": every rule names both its ports and its peers (none is open to any port or peer).
    const summary = (rule: Rule) => {
      const peers = rule.from ?? rule.to;
      expect(peers?.length, JSON.stringify(rule)).toBeGreaterThan(0);
      expect(rule.ports?.length, JSON.stringify(rule)).toBeGreaterThan(0);
      const peer = (p: Peer) =>
        p.ipBlock
          ? `cidr:${p.ipBlock.cidr}${p.ipBlock.except ? ` except ${[...p.ipBlock.except].sort().join(',')}` : ''}`
          : [
              p.namespaceSelector && `ns:${p.namespaceSelector.matchLabels['kubernetes.io/metadata.name']}`,
              p.podSelector && `pod:${JSON.stringify(p.podSelector.matchLabels)}`,
            ]
              .filter(Boolean)
              .join(' ');
      const ports = rule.ports!.map((p) => `${p.protocol}/${p.port}`).join(',');
      return `${ports} ${peers!.map(peer).join(' | ')}`;
    };
    const ingress = policies.flatMap((p) => p.spec.ingress ?? []).map(summary);
    expect(ingress.sort()).toEqual(['TCP/3000 ns:ingress-nginx', 'TCP/9464 ns:monitoring']);
    const egress = policies.flatMap((p) => p.spec.egress ?? []).map(summary);
    const cidr = (rule: string) => /cidr:([0-9./]+)/.exec(rule)?.[1] ?? '';
    const rule = (ports: string) => egress.filter((r) => r.startsWith(`${ports} `));
    expect(rule('UDP/53,TCP/53')).toEqual(['UDP/53,TCP/53 ns:kube-system pod:{"k8s-app":"kube-dns"}']);
    expect(rule('TCP/4318')).toEqual(['TCP/4318 ns:monitoring']);
    // PostgreSQL, SMTP and the identity provider: one address range each, never the whole internet.
    for (const ports of ['TCP/5432', 'TCP/587,TCP/465', 'TCP/443']) {
      const [first] = rule(ports);
      expect(first, ports).toMatch(/^\S+ cidr:[0-9./]+$/);
      expect(Number(cidr(first!).split('/')[1]), ports).toBeGreaterThanOrEqual(8);
    }
    // Webhook receivers (R-HOOK-7): public HTTPS only, every private, loopback and link-local range excepted.
    expect(rule('TCP/443')[1]).toBe(
      'TCP/443 cidr:0.0.0.0/0 except 10.0.0.0/8,100.64.0.0/10,127.0.0.0/8,169.254.0.0/16,172.16.0.0/12,192.168.0.0/16',
    );
    expect(egress).toHaveLength(6);
  });

  it("OPS-K8S-7: the runbook's migrate step applies the Job with its ServiceAccount, ConfigMap and network policies; the Secret is the one made outside", () => {
    const runbook = readFileSync(`${repoRoot}docs/operations.md`, 'utf8');
    const [, selector] = /kubectl apply -k infra\/k8s\/overlays\/production -l (\S+)/.exec(runbook) ?? [];
    const [key, value] = (selector ?? '').split('=');
    expect(key && value, 'the runbook applies the migration step by a label selector').toBeTruthy();
    const selected = objects.filter((o) => o.metadata.labels?.[key!] === value);
    const has = (kind: string, name: string) =>
      selected.some((o) => o.kind === kind && o.metadata.name === name);
    expect(has('Job', 'hhs-mentoring-migrate')).toBe(true);
    expect(selected.map((o) => o.kind)).not.toContain('Deployment');
    const pod = (one(objects, 'Job') as unknown as { spec: { template: { spec: PodSpec } } }).spec.template
      .spec;
    expect(has('ServiceAccount', pod.serviceAccountName!), pod.serviceAccountName).toBe(true);
    const refs = pod.containers.flatMap((c) => c.envFrom ?? []);
    const configMaps = refs.flatMap((r) => (r.configMapRef ? [r.configMapRef.name] : []));
    const secrets = refs.flatMap((r) => (r.secretRef ? [r.secretRef.name] : []));
    expect(configMaps).toEqual(['hhs-mentoring-config']);
    for (const name of configMaps) expect(has('ConfigMap', name), name).toBe(true);
    // A Secret is never in the repository: the runbook's deploy steps have it made before the Job is applied.
    expect(secrets).toEqual(['hhs-mentoring-secrets']);
    const deploySteps = runbook.slice(runbook.indexOf('## Deploy'), runbook.indexOf('4. Migrate first'));
    for (const name of secrets) {
      expect(
        objects.some((o) => o.kind === 'Secret' && o.metadata.name === name),
        name,
      ).toBe(false);
      expect(deploySteps, name).toContain(`The Secret \`${name}\` must exist`);
    }
    // Every network policy that governs the Job's pods comes with it, so it never runs under a partial set: a
    // default deny without the egress rules would leave it unable to reach DNS and PostgreSQL.
    const labels = (
      one(objects, 'Job') as unknown as {
        spec: { template: { metadata: { labels: Record<string, string> } } };
      }
    ).spec.template.metadata.labels;
    const governing = byKind(objects, 'NetworkPolicy').filter((p) =>
      Object.entries(
        (p as unknown as { spec: { podSelector: { matchLabels: Record<string, string> } } }).spec.podSelector
          .matchLabels,
      ).every(([k, v]) => labels[k] === v),
    );
    expect(governing.length).toBeGreaterThan(0);
    for (const policy of governing)
      expect(has('NetworkPolicy', policy.metadata.name), policy.metadata.name).toBe(true);
    const egressPorts = governing.flatMap(
      (p) =>
        (
          p as unknown as { spec: { egress?: Array<{ ports?: Array<{ port: number }> }> } }
        ).spec.egress?.flatMap((r) => r.ports?.map((port) => port.port) ?? []) ?? [],
    );
    expect(egressPorts).toEqual(expect.arrayContaining([53, 5432]));
  });
});

describe('the schema validation', () => {
  it('OPS-K8S-1: refuses an object of the wrong shape', async () => {
    const [deployment] = byKind(render('production'), 'Deployment');
    const broken = structuredClone(deployment!) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'three';
    await expect(validate(broken as unknown as K8sObject)).rejects.toThrow(/replicas/);
  });
});
