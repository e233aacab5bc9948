import type { Schemas } from '../../../lib/api';

export const STATE_LABEL: Record<Schemas['Invitation']['state'], string> = {
  pending: 'Waiting for the mentor',
  accepted: 'Accepted: confirm to start',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  confirmed: 'Confirmed',
  closed: 'Closed',
};
export const STATE_TAG: Record<Schemas['Invitation']['state'], string> = {
  pending: 'bg-gold text-ink',
  accepted: 'bg-primary',
  declined: 'bg-base-dark',
  withdrawn: 'bg-base-dark',
  expired: 'bg-base-dark',
  confirmed: 'bg-green',
  closed: 'bg-base-dark',
};
export const DECLINE_REASONS = [
  { value: 'time_constraints', label: 'I do not have the time right now' },
  { value: 'mentoring_preferences', label: 'It does not fit my mentoring preferences' },
  { value: 'other', label: 'Another reason' },
] as const;
