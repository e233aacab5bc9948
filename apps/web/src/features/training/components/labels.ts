import type { Schemas } from '../../../lib/api';

export const KIND_LABEL: Record<string, string> = {
  orientation_online: 'Orientation (online)',
  orientation_instructor: 'Orientation (instructor-led)',
  lunch_and_learn: 'Lunch and Learn',
  online_course: 'Online course',
};
export const KINDS = Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }));

export type Kind = Schemas['TrainingEvent']['kind'];
/** A kind the API knows (from the address or a select), as its type. */
export const isKind = (v: string): v is Kind => Object.hasOwn(KIND_LABEL, v);
