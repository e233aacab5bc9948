import { createHash } from 'node:crypto';

/** A UUID derived from a name (SHA-256, shaped as a version-4-looking id): the demo writes the same ids every time. */
export function seedUuid(name: string): string {
  const h = createHash('sha256').update(`hhs-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
