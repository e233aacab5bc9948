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

  it('OPS-K8S-6: network policies deny by default and allow only ingress → API, and API → DNS, PostgreSQL, SMTP, HTTPS, OTLP', () => {
    type Rule = { ports?: Array<{ port: number }> };
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
    const ports = (rules: Rule[]) => rules.flatMap((r) => (r.ports ?? [{ port: -1 }]).map((p) => p.port)); // -1: any port;
    expect(ports(policies.flatMap((p) => p.spec.ingress ?? [])).sort()).toEqual([3000, 9464]);
    expect(new Set(ports(policies.flatMap((p) => p.spec.egress ?? [])))).toEqual(
      new Set([53, 5432, 587, 465, 443, 4318]),
    );
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
