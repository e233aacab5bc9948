import { addMonths, DAY_MS } from './clock.js';
import type { Relationship } from './relationship.types.js';

export type MilestoneKey =
  | 'orientation'
  | 'agreement'
  | 'idp'
  | 'progressReport.mentor'
  | 'progressReport.mentee'
  | 'completionSurvey.mentor'
  | 'completionSurvey.mentee';

export type MilestoneStatus = 'done' | 'due' | 'due_soon' | 'overdue';

export const DUE_SOON_DAYS = 7;

/**
 * Every clock starts at confirmation (§6). Orientation is due "before the first meeting"; the guide has the pair
 * meet after orientation and finish agreement and IDP within a month, so orientation is also due at +1 month.
 */
export function milestoneDueDates(confirmedAt: Date): Record<MilestoneKey, Date> {
  const month = addMonths(confirmedAt, 1);
  const six = addMonths(confirmedAt, 6);
  const twelve = addMonths(confirmedAt, 12);
  return {
    orientation: month,
    agreement: month,
    idp: month,
    'progressReport.mentor': six,
    'progressReport.mentee': six,
    'completionSurvey.mentor': twelve,
    'completionSurvey.mentee': twelve,
  };
}

/** R-LIFE-1: waived for someone who attended an orientation within the last 12 months. */
export function orientationWaived(lastAttendedAt: Date | null | undefined, clock: Date): boolean {
  if (!lastAttendedAt || lastAttendedAt.getTime() > clock.getTime()) return false;
  return clock.getTime() < addMonths(lastAttendedAt, 12).getTime();
}

export function milestoneDoneAt(rel: Relationship, key: MilestoneKey): Date | null {
  const m = rel.milestones;
  switch (key) {
    case 'orientation':
    case 'agreement':
    case 'idp':
      return m[key];
    case 'progressReport.mentor':
      return m.progressReport.mentor;
    case 'progressReport.mentee':
      return m.progressReport.mentee;
    case 'completionSurvey.mentor':
      return m.completionSurvey.mentor;
    case 'completionSurvey.mentee':
      return m.completionSurvey.mentee;
  }
}

export interface MilestoneView {
  key: MilestoneKey;
  dueAt: Date;
  doneAt: Date | null;
  status: MilestoneStatus;
}

/** 'due_soon' within DUE_SOON_DAYS of the due date, 'overdue' once it has passed. */
export function milestoneStatus(rel: Relationship, clock: Date): MilestoneView[] {
  const due = milestoneDueDates(rel.confirmedAt);
  return (Object.keys(due) as MilestoneKey[]).map((key) => {
    const dueAt = due[key];
    const doneAt = milestoneDoneAt(rel, key);
    const left = dueAt.getTime() - clock.getTime();
    const status: MilestoneStatus = doneAt
      ? 'done'
      : left < 0
        ? 'overdue'
        : left <= DUE_SOON_DAYS * DAY_MS
          ? 'due_soon'
          : 'due';
    return { key, dueAt, doneAt, status };
  });
}
