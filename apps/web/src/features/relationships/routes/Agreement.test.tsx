import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Agreement } from '../api/types';
import AgreementPage, { AgreementText } from './Agreement';
import { fetchMock, json } from '../../../test/fetch';

const agreement: Agreement = {
  relationshipId: 'r1',
  goals: 'Plan and lead a program evaluation.',
  meetingFrequency: 'Twice a month',
  meetingLength: 'One hour',
  communicationMethods: ['video', 'phone'],
  confidentiality: 'What we discuss stays between us.',
  boundaries: '',
  noFaultTermination: true,
  mentorSignature: 'Dana Whitfield',
  mentorSignedAt: '2026-11-05T15:00:00.000Z',
  menteeSignature: null,
  menteeSignedAt: null,
  completedAt: null,
  version: 2,
  updatedAt: '2026-11-05T15:00:00.000Z',
  cadence: null,
  usualMode: null,
};

describe('AgreementText (a signed agreement)', () => {
  it('reads as a document: the words agreed, and no field to type in', () => {
    render(<AgreementText agreement={agreement} />);
    expect(screen.getByTestId('agreement-text')).toHaveTextContent('Plan and lead a program evaluation.');
    expect(screen.getByText('Phone, Video')).toBeVisible();
    expect(screen.getByText('Not written.')).toBeVisible();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});

describe('AgreementText (the cadence)', () => {
  it('R-MEET-1: shows the agreed rhythm and usual way of meeting, or the program’s monthly default', () => {
    const { unmount } = render(
      <AgreementText agreement={{ ...agreement, cadence: 'every_2_weeks', usualMode: 'in_person' }} />,
    );
    const text = screen.getByTestId('agreement-text');
    expect(text).toHaveTextContent('Our meeting rhythm, for remindersEvery 2 weeks');
    expect(text).toHaveTextContent('How we usually meetIn person');
    unmount();
    render(<AgreementText agreement={agreement} />);
    expect(screen.getByTestId('agreement-text')).toHaveTextContent(
      'Our meeting rhythm, for remindersEvery month (the program’s usual rhythm)',
    );
    expect(document.body.textContent).not.toMatch(/every_2_weeks|in_person/);
  });
});

describe('AgreementPage (a partner writes the agreement)', () => {
  const unsaved: Agreement = {
    ...agreement,
    goals: '',
    mentorSignature: null,
    mentorSignedAt: null,
    version: 0,
    updatedAt: null,
  };

  it('R-LIFE-2: after a save the form starts again from the version the API holds, and still says it was saved', async () => {
    let stored = unsaved;
    const puts: Request[] = [];
    fetchMock.mockImplementation(async (input) => {
      const req = input as Request;
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/relationships/r1') return json({ id: 'r1', myRole: 'mentor' });
      if (path === '/api/v1/relationships/r1/agreement' && req.method === 'PUT') {
        puts.push(req.clone());
        const body = (await req.json()) as Partial<Agreement>;
        stored = { ...stored, ...body, version: stored.version + 1, updatedAt: '2026-11-06T15:00:00.000Z' };
        return json(stored);
      }
      if (path === '/api/v1/relationships/r1/agreement') return json(stored);
      return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/relationships/r1/agreement']}>
          <Routes>
            <Route path="/relationships/:id/agreement" element={<AgreementPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('What we want to achieve together'), 'Lead an evaluation.');
    await user.click(screen.getByRole('button', { name: 'Save agreement' }));

    expect(await screen.findByText('Agreement saved. Both of you sign it next.')).toBeVisible();
    // The form now holds version 1: nothing left to save, and that version can be signed.
    expect(screen.getByRole('button', { name: 'Save agreement' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Sign this version' })).toBeEnabled();
    expect(screen.getByLabelText('What we want to achieve together')).toHaveValue('Lead an evaluation.');

    await user.type(screen.getByLabelText('How often we meet'), ', or weekly in the first month');
    await user.click(screen.getByRole('button', { name: 'Save agreement' }));
    await vi.waitFor(() => expect(puts).toHaveLength(2));
    // Each save sends the version the form started from, so the API's concurrency check (R-LIFE-2) passes.
    const versions = await Promise.all(puts.map(async (r) => ((await r.json()) as Agreement).version));
    expect(versions).toEqual([0, 1]);
    expect(await screen.findByLabelText('How often we meet')).toHaveValue(
      'Twice a month, or weekly in the first month',
    );
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Save agreement' })).toBeDisabled());
  });

  it('R-LIFE-2: once the partner signs, the page turns into the agreement as a document, changed only on purpose', async () => {
    let stored: Agreement = { ...agreement, mentorSignature: null, mentorSignedAt: null, version: 1 };
    fetchMock.mockImplementation(async (input) => {
      const req = input as Request;
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/relationships/r1') return json({ id: 'r1', myRole: 'mentor' });
      if (path === '/api/v1/relationships/r1/agreement/sign' && req.method === 'POST') {
        stored = { ...stored, mentorSignature: 'Dana Whitfield', mentorSignedAt: '2026-11-07T15:00:00.000Z' };
        return json(stored);
      }
      if (path === '/api/v1/relationships/r1/agreement') return json(stored);
      return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/relationships/r1/agreement']}>
          <Routes>
            <Route path="/relationships/:id/agreement" element={<AgreementPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    // Unsigned: a form to write in.
    expect(await screen.findByLabelText('What we want to achieve together')).toBeEnabled();
    expect(screen.queryByTestId('agreement-text')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign this version' }));
    const text = await screen.findByTestId('agreement-text');
    expect(text).toHaveTextContent('Plan and lead a program evaluation.');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save agreement' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign this version' })).toBeNull();
    expect(screen.getByTestId('signatures')).toHaveTextContent('Mentor: Dana Whitfield, November 7, 2026');
    expect(screen.getByText(/Signed agreements cannot be edited in place\./)).toBeVisible();

    // Changing it is a deliberate step that says what it costs.
    await user.click(screen.getByRole('button', { name: 'Change the agreement' }));
    expect(screen.getByLabelText('What we want to achieve together')).toHaveValue(
      'Plan and lead a program evaluation.',
    );
  });
});
