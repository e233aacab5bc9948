import type { Schemas } from '../../../lib/api';

/** A Lunch and Learn with places left, as the API returns it: the component tests' starting point. */
export const trainingEvent: Schemas['TrainingEvent'] = {
  id: '7f0c1c7e-8a43-4c57-9d5e-2f3e4a5b6c7d',
  kind: 'lunch_and_learn',
  title: 'Leading through change',
  description: 'A Lunch and Learn',
  competencyCode: null,
  opdiv: 'CDC',
  startsAt: '2026-12-03T17:00:00.000Z',
  endsAt: null,
  location: 'Room 101',
  lmsUrl: null,
  lmsCourseId: null,
  capacity: 20,
  registered: 3,
  waitlisted: 1,
  cancelledAt: null,
  myStatus: null,
};
