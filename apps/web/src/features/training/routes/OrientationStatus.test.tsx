import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrientationStatus } from './Catalogue';

describe('OrientationStatus (training page)', () => {
  it('R-LIFE-1: knows the orientation recorded on the relationship', () => {
    render(
      <OrientationStatus
        status={{
          orientationCurrent: true,
          lastOrientationAttendedAt: '2026-11-05T15:00:00.000Z',
          orientationSource: 'relationship',
        }}
      />,
    );
    expect(screen.getByTestId('orientation-status')).toHaveTextContent(
      'Your orientation is done: it was recorded for your mentoring relationship on November 5, 2026.',
    );
  });

  it('asks for an orientation when none is on record', () => {
    render(
      <OrientationStatus
        status={{ orientationCurrent: false, lastOrientationAttendedAt: null, orientationSource: null }}
      />,
    );
    expect(screen.getByTestId('orientation-status')).toHaveTextContent(
      'register for one before your first meeting',
    );
  });
});
