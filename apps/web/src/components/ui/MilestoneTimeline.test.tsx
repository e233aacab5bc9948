import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MilestoneTimeline, type Milestone } from './MilestoneTimeline';

const milestones: Milestone[] = [
  { key: 'progressReport.mentee', dueAt: '2027-05-01T00:00:00.000Z', doneAt: null, status: 'due' },
  { key: 'agreement', dueAt: '2026-12-01T00:00:00.000Z', doneAt: '2026-11-20T00:00:00.000Z', status: 'done' },
  { key: 'idp', dueAt: '2026-12-01T00:00:00.000Z', doneAt: null, status: 'overdue' },
  { key: 'orientation', dueAt: '2026-12-01T00:00:00.000Z', doneAt: null, status: 'due_soon' },
];

describe('MilestoneTimeline', () => {
  it('lists milestones in due order with their status in words', () => {
    render(<MilestoneTimeline milestones={milestones} />);
    const items = within(screen.getByTestId('milestone-timeline')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Mentoring agreement Done\s*Done November 20, 2026 · due December 1, 2026$/),
      expect.stringMatching(/^Individual Development Plan Overdue\s*Due December 1, 2026$/),
      expect.stringMatching(/^Orientation Due soon\s*Due December 1, 2026$/),
      expect.stringMatching(/^Progress report \(mentee\) Due\s*Due May 1, 2027$/),
    ]);
  });

  it('marks each item with its status for the dot colour', () => {
    render(<MilestoneTimeline milestones={milestones} />);
    const statuses = screen.getAllByRole('listitem').map((li) => li.getAttribute('data-status'));
    expect(statuses).toEqual(['done', 'overdue', 'due', 'upcoming']);
  });

  it('says so when there are no milestones yet', () => {
    render(<MilestoneTimeline milestones={[]} />);
    expect(screen.getByText(/start when the relationship is confirmed/)).toBeInTheDocument();
  });
});
