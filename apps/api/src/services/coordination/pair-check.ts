import { checkPairEligibility, type ProgramSettings } from '@hhs-mentoring/domain';
import type { Tx } from '../../db/client.js';
import type { Refusal } from '../../lib/problem.js';
import { readPairContext } from '../journey/pair-context.js';
import { activeMenteeApplication, menteeProfileFrom, mentorProfileOf } from '../journey/profiles.js';

/**
 * §3 / R-CAP-1..2 / R-APP-1..2 / R-MATCH-1 for a mentor a coordinator hands a mentee (R-MATCH-3, R-MATCH-4
 * suggestions), with the journey's own profile code. The domain's 'shortlist' purpose leaves R-CAP-3 out: a
 * shortlist is not an invitation, the mentee invites later and is checked then.
 */
export async function shortlistRefusals(
  tx: Tx,
  menteeId: string,
  mentorId: string,
  settings: ProgramSettings,
): Promise<Refusal[]> {
  // The same one-statement read of the pair as a mentee's own invitation (decision 0505).
  const menteeApp = await activeMenteeApplication(tx, menteeId);
  const pair = await readPairContext(tx, menteeId, mentorId);
  const menteeEmployee = pair.people.get(menteeId);
  const mentorEmployee = pair.people.get(mentorId);
  if (!menteeApp || !menteeEmployee)
    return [{ rule: 'R-APP-1', detail: 'The mentee has no active mentee application.' }];
  if (!pair.mentorApp || !mentorEmployee)
    return [{ rule: 'R-APP-2', detail: `${mentorId} is not an active mentor.` }];
  const mentee = menteeProfileFrom(menteeApp, menteeEmployee, pair.activity);
  const mentor = mentorProfileOf(pair.mentorApp, mentorEmployee, pair.mentorLive);
  const supervisorOf = pair.supervisorOf;
  const checked = checkPairEligibility({ mentor, mentee, supervisorOf, settings, purpose: 'shortlist' });
  return checked.ok ? [] : checked.refusals;
}
