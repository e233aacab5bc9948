import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../lib/api';
import { SharedIdpTable } from './SharedIdpTable';

const item = (over: Partial<Schemas['SharedIdp']>): Schemas['SharedIdp'] => ({
  relationshipId: '00000000-0000-4000-8000-000000000001',
  relationshipState: 'active',
  mentee: { id: 'E1', name: 'Jordan Rivera', opdiv: 'CDC' },
  mentor: { id: 'E2', name: 'Dana Whitfield', opdiv: 'NIH' },
  sharedAt: '2026-03-02T15:00:00.000Z',
  updatedAt: '2026-03-02T15:00:00.000Z',
  myInputAt: null,
  inputGiven: false,
  ...over,
});

describe('SharedIdpTable', () => {
  it('R-SEC-1: links each shared IDP and says whether my input is still to give', () => {
    render(
      <MemoryRouter>
        <SharedIdpTable
          items={[
            item({}),
            item({
              relationshipId: '00000000-0000-4000-8000-000000000002',
              relationshipState: 'completed',
              mentee: { id: 'E3', name: 'Ana Cruz', opdiv: 'CDC' },
              inputGiven: true,
              myInputAt: '2026-03-05T15:00:00.000Z',
            }),
          ]}
        />
      </MemoryRouter>,
    );
    const rows = within(screen.getByTestId('shared-idps')).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('link', { name: 'IDP of Jordan Rivera' })).toHaveAttribute(
      'href',
      '/relationships/00000000-0000-4000-8000-000000000001/idp',
    );
    expect(rows[0]).toHaveTextContent('To give');
    expect(rows[1]).toHaveTextContent('Given March 5, 2026');
    expect(rows[1]).toHaveTextContent('Relationship completed');
  });
});
