export const KIND_LABEL: Record<string, string> = {
  orientation_online: 'Orientation (online)',
  orientation_instructor: 'Orientation (instructor-led)',
  lunch_and_learn: 'Lunch and Learn',
  online_course: 'Online course',
};
export const KINDS = Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }));
