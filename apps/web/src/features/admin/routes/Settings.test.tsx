import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsSummary } from './Settings';

const value = {
  weights: { needs: 40, goals: 20, platform: 15, geography: 10, communication: 10, capacity: 5 },
  maxCapacity: 5,
  maxOpenInvitations: 3,
  invitationExpiryDays: 14,
  reportMinGroupSize: 5,
  terminationMinMonths: 3,
};

describe('Settings', () => {
  it('shows someone who is not the program manager the values in words, with no form to submit', () => {
    render(<SettingsSummary value={value} />);
    expect(screen.getByText('Only the program manager can change these settings.')).toBeVisible();
    expect(screen.getByText('Most mentees per mentor')).toBeVisible();
    expect(screen.getByText('Development needs the mentor covers')).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(document.body.textContent).not.toMatch(/R-[A-Z]+-\d|needs:/);
  });
});
