import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const infraDir = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const overlays = ['staging', 'production'] as const;

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};

/** The objects of one overlay as `kubectl kustomize` renders them (kubectl's built-in kustomize, offline). */
export function render(overlay: string): K8sObject[] {
  const text = execFileSync('kubectl', ['kustomize', `${infraDir}k8s/overlays/${overlay}`], {
    encoding: 'utf8',
  });
  return parseAllDocuments(text).map((doc) => doc.toJSON() as K8sObject);
}

/** Validates an object against the Kubernetes OpenAPI schema of its apiVersion and kind (kubernetes-models). */
export async function validate(object: K8sObject): Promise<void> {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  const path = group
    ? `kubernetes-models/${group}/${version}/${object.kind}`
    : `kubernetes-models/${version}/${object.kind}`;
  const module = (await import(path)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[object.kind];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}
