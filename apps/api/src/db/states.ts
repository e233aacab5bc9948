import { sql, type SQL } from 'drizzle-orm';
import { LIVE_RELATIONSHIP_STATES, OPEN_INVITATION_STATES } from '@hhs-mentoring/domain/states';

/**
 * The SQL lists of the domain's state sets (decision 0012): every query, index and job derives its `in (…)` list
 * from here, so the live and open states are defined once, in packages/domain.
 */
export { LIVE_RELATIONSHIP_STATES, OPEN_INVITATION_STATES };

/** Invitation states a mentee's activity reads: the open ones and the declined ones (R-CAP-3, R-MATCH-1). */
export const OPEN_OR_DECLINED_STATES = [...OPEN_INVITATION_STATES, 'declined'] as const;

/** `'a', 'b'`: state names as literal SQL text (checked to be plain lower-case words). */
export function stateLiterals(states: readonly string[]): string {
  if (!states.every((s) => /^[a-z_]+$/.test(s))) throw new Error('state names are lower-case words');
  return states.map((s) => `'${s}'`).join(', ');
}

/**
 * States written into the SQL text as literals, not parameters: the partial indexes on live relationships
 * (R-CAP-1/2) can then serve a prepared statement's generic plan, whose predicate must be provable from the text.
 */
export function stateList(states: readonly string[]): SQL {
  return sql.raw(stateLiterals(states));
}

/** `('onboarding', 'active', 'termination_requested')`, for `state in ${LIVE_SQL}`. */
export const LIVE_SQL = sql.raw(`(${stateLiterals(LIVE_RELATIONSHIP_STATES)})`);
/** `('pending', 'accepted')`, for `state in ${OPEN_SQL}`. */
export const OPEN_SQL = sql.raw(`(${stateLiterals(OPEN_INVITATION_STATES)})`);
