import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../api/types';
import { AgreementText } from './Agreement';

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
