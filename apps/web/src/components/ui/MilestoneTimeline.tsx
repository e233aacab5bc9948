import type { Schemas } from '../../lib/api';
import { formatDate } from '../../lib/format';

export type Milestone = Schemas['Relationship']['milestones'][number];

const LABELS: Record<string, string> = {
  orientation: 'Orientation',
  agreement: 'Mentoring agreement',
  idp: 'Individual Development Plan',
  'progressReport.mentor': 'Progress report (mentor)',
  'progressReport.mentee': 'Progress report (mentee)',
  'completionSurvey.mentor': 'Completion survey (mentor)',
  'completionSurvey.mentee': 'Completion survey (mentee)',
};
const STATUS: Record<string, { text: string; tag: string; dot: string }> = {
  done: { text: 'Done', tag: 'bg-green', dot: 'done' },
  due: { text: 'Due', tag: 'bg-base-dark', dot: 'upcoming' },
  due_soon: { text: 'Due soon', tag: 'bg-gold text-ink', dot: 'due' },
  overdue: { text: 'Overdue', tag: 'bg-secondary-dark', dot: 'overdue' },
};

export const milestoneLabel = (key: string) => LABELS[key] ?? key;

/** The partnership's milestones in due order, each with its status in words (never colour alone). */
export function MilestoneTimeline({
  milestones,
  headingId,
}: {
  milestones: Milestone[];
  headingId?: string;
}) {
  if (milestones.length === 0)
    return <p>No milestones yet: they start when the relationship is confirmed.</p>;
  const ordered = [...milestones].sort(
    (a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key),
  );
  return (
    <ol className="timeline" aria-labelledby={headingId} data-testid="milestone-timeline">
      {ordered.map((m) => {
        const s = STATUS[m.status] ?? { text: m.status, tag: 'bg-base-dark', dot: 'upcoming' };
        return (
          <li key={m.key} data-status={s.dot}>
            <span className="text-bold">{milestoneLabel(m.key)}</span>{' '}
            <span className={`usa-tag ${s.tag}`}>{s.text}</span>
            <div className="font-sans-2xs text-base-dark">
              {m.doneAt
                ? `Done ${formatDate(m.doneAt)} · due ${formatDate(m.dueAt)}`
                : `Due ${formatDate(m.dueAt)}`}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
