import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportBody } from './ReportBody';
import { percentWithCounts } from './report-presentation';

// Recharts measures its box; jsdom has none, so the chart draws nothing and only the tables are read here.
describe('ReportBody (R-ADMIN-2 reports a coordinator can read)', () => {
  it('writes rates as a percentage with the counts, columns as words, and the period and scope out', () => {
    render(
      <ReportBody
        report={{
          report: 'matching',
          scope: ['CDC'],
          from: '2025-12-03T00:00:00.000Z',
          to: '2026-12-03T12:00:00.000Z',
          generatedAt: '2026-12-03T12:00:00.000Z',
          columns: [
            'opdiv',
            'applicants',
            'matched',
            'matchRate',
            'relationshipsConfirmed',
            'medianDaysToMatch',
            'p90DaysToMatch',
          ],
          rows: [
            {
              opdiv: 'CDC',
              applicants: 120,
              matched: 4,
              matchRate: 0.033,
              relationshipsConfirmed: 4,
              medianDaysToMatch: 12,
              p90DaysToMatch: 30,
            },
          ],
        }}
      />,
    );
    expect(screen.getByTestId('report-range')).toHaveTextContent(
      'From December 3, 2025 to December 3, 2026, for CDC.',
    );
    const table = screen.getByTestId('report-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Operating division',
      'Mentees who applied',
      'Matched',
      'Relationships confirmed',
      'Median time to a match',
      '9 in 10 matched within',
    ]);
    expect(table).toHaveTextContent('3.3 % (4 of 120)');
    expect(table).not.toHaveTextContent('0.033');
    expect(table).not.toHaveTextContent('matchRate');
    const chart = screen.getByRole('table', { name: /applied and were matched, by operating division/ });
    expect(within(chart).getByRole('rowheader', { name: 'CDC' })).toBeVisible();
  });

  it('charts participation by the groups’ names, one chart per grouping, never by the grouping’s code', () => {
    render(
      <ReportBody
        report={{
          report: 'participation',
          scope: null,
          from: '2025-12-03T00:00:00.000Z',
          to: '2026-12-03T12:00:00.000Z',
          generatedAt: '2026-12-03T12:00:00.000Z',
          columns: ['dimension', 'value', 'label', 'mentors', 'mentees'],
          rows: [
            { dimension: 'platform', value: 's2j', label: 'Senior-to-Junior', mentors: 10, mentees: 12 },
            {
              dimension: 'grade_band',
              value: 'GS-13 to GS-15',
              label: 'GS-13 to GS-15',
              mentors: 8,
              mentees: 2,
            },
          ],
        }}
      />,
    );
    expect(screen.getByTestId('report-range')).toHaveTextContent('for all of HHS.');
    const byPlatform = screen.getByRole('table', { name: 'Mentors and mentees, by platform' });
    expect(within(byPlatform).getByRole('rowheader', { name: 'Senior-to-Junior' })).toBeVisible();
    expect(document.body.textContent).not.toMatch(/grade_band|s2j|dimension/);
  });

  it('R-END-2: counts pairs that completed early apart from the full year and from endings before completion', () => {
    render(
      <ReportBody
        report={{
          report: 'outcomes',
          scope: ['CDC'],
          from: '2025-12-03T00:00:00.000Z',
          to: '2026-12-03T12:00:00.000Z',
          generatedAt: '2026-12-03T12:00:00.000Z',
          columns: [
            'opdiv',
            'platform',
            'confirmed',
            'live',
            'completed',
            'completedEarly',
            'terminated',
            'completionRate',
            'terminationRate',
          ],
          rows: [
            {
              opdiv: 'CDC',
              platform: 's2j',
              confirmed: 20,
              live: 12,
              completed: 4,
              completedEarly: 3,
              terminated: 1,
              completionRate: 0.35,
              terminationRate: 0.05,
            },
          ],
        }}
      />,
    );
    const table = screen.getByTestId('report-table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual([
      'Operating division',
      'Platform',
      'Relationships confirmed',
      'Still under way',
      'Completed the full year',
      'Completed early, goals met',
      'Ended before completion',
    ]);
    const cells = within(table)
      .getAllByRole('cell')
      .map((td) => td.textContent);
    expect(cells[headers.indexOf('Completed the full year')]).toBe('20 % (4 of 20)');
    expect(cells[headers.indexOf('Completed early, goals met')]).toBe('15 % (3 of 20)');
    expect(cells[headers.indexOf('Ended before completion')]).toBe('5 % (1 of 20)');
    expect(document.body.textContent).not.toMatch(/Ended early|completedEarly/);

    const chart = screen.getByRole('table', { name: /How the relationships confirmed in this period went/ });
    expect(
      within(chart)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Operating division and platform',
      'Still under way',
      'Completed the full year',
      'Completed early, goals met',
      'Ended before completion',
    ]);
    const bars = within(
      within(chart).getByRole('rowheader', { name: 'CDC, Senior-to-Junior' }).closest('tr')!,
    )
      .getAllByRole('cell')
      .map((td) => td.textContent);
    expect(bars).toEqual(['12', '4', '3', '1']);
  });

  it('percentWithCounts rounds to one decimal and says when there is nothing to count', () => {
    expect(percentWithCounts(4, 120)).toBe('3.3 % (4 of 120)');
    expect(percentWithCounts(1, 4)).toBe('25 % (1 of 4)');
    expect(percentWithCounts(0, 0)).toBe('None to count');
  });
});
