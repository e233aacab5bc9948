import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Idp } from '../api/types';
import IdpPage from './IdpPage';
import { fetchMock, json } from '../../../test/fetch';

const blank: Idp = {
  relationshipId: 'r1',
  strengths: '',
  developmentalNeeds: [],
  objectives: [],
  activities: [],
  reviewDates: [],
  supervisorInput: null,
  supervisorInputAt: null,
  sharedWithSupervisorAt: null,
  completedAt: null,
  version: 0,
  updatedAt: null,
};

describe('IdpPage (the mentee writes the plan)', () => {
  it('R-LIFE-3: after saving and completing, the plan says it was saved and completed, and reads only', async () => {
    let stored = blank;
    fetchMock.mockImplementation(async (input) => {
      const req = input as Request;
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/relationships/r1')
        return json({ id: 'r1', myRole: 'mentee', mentee: { name: 'Jordan' }, mentor: { name: 'Dana' } });
      if (path === '/api/v1/relationships/r1/idp' && req.method === 'PUT') {
        const body = (await req.json()) as Partial<Idp>;
        stored = { ...stored, ...body, version: stored.version + 1, updatedAt: '2026-12-01T15:00:00.000Z' };
        return json(stored);
      }
      // Completing moves the relationship's milestone; the plan keeps its version.
      if (path === '/api/v1/relationships/r1/idp/complete') {
        stored = { ...stored, completedAt: '2026-12-02T15:00:00.000Z' };
        return json(stored);
      }
      if (path === '/api/v1/relationships/r1/idp') return json(stored);
      return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/relationships/r1/idp']}>
          <Routes>
            <Route path="/relationships/:id/idp" element={<IdpPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Strengths'), 'Data analysis.');
    await user.type(screen.getByLabelText('Objectives (one a line)'), 'Lead one program evaluation');
    await user.click(screen.getByRole('button', { name: 'Save IDP' }));
    expect(await screen.findByText('The IDP was saved.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Mark the IDP complete' }));
    expect(await screen.findByText('The IDP was completed on December 2, 2026.')).toBeVisible();
    expect(screen.getByText('The IDP was saved.')).toBeVisible();
    expect(screen.getByLabelText('Strengths')).toBeDisabled();
    expect(screen.getByLabelText('Strengths')).toHaveValue('Data analysis.');
    expect(screen.queryByRole('button', { name: 'Save IDP' })).toBeNull();
  });
});
