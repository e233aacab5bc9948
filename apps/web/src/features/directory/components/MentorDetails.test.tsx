import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../lib/api';
import { MentorDetails } from './MentorDetails';

const mentor: Schemas['MentorProfile'] = {
  id: 'E2',
  name: 'Dana Whitfield',
  opdiv: 'NIH',
  grade: 'GS-14',
  occupationTitle: 'Epidemiologist',
  city: 'Bethesda',
  state: 'MD',
  bio: 'Twenty years at NIH',
  competencies: ['strategic-thinking'],
  technicalAreas: 'epidemiology',
  platforms: ['s2j'],
  communicationMethods: ['video', 'email'],
  remainingCapacity: 1,
  menteesWaiting: 0,
  capacity: 3,
  competencyDetails: [{ code: 'strategic-thinking', name: 'Strategic Thinking', focus: true }],
  paused: false,
  acceptsOtherOpdivs: false,
  education: 'MPH, Emory',
  positions: [{ title: 'Branch Chief', organization: 'NIH', years: 6 }],
  occupationSeries: '0601',
  timeZone: 'America/New_York',
  commissionedCorps: false,
  contact: null,
};

describe('MentorDetails', () => {
  it('R-MATCH-2: shows the application with competency names, places left and other-OPDIV policy', () => {
    render(<MentorDetails mentor={mentor} />);
    const details = screen.getByTestId('mentor-details');
    expect(details).toHaveTextContent('1 of 3 mentees');
    expect(details).toHaveTextContent('Strategic Thinking');
    expect(details).toHaveTextContent('No, NIH only');
    expect(details).toHaveTextContent('Video, Email');
    expect(details).toHaveTextContent('Branch Chief, NIH (6 years)');
    expect(details).toHaveTextContent('MPH, Emory');
  });
});
