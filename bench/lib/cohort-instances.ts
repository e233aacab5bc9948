import type { MenteeProfile, MentorProfile } from '@hhs-mentoring/domain';
import { generateWorkforce } from '../../apps/api/src/seed/workforce.js';
import { profilesOf } from './profiles.js';

export interface CohortInstance {
  name: string;
  title: string;
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
}

/** The three cohort instances of issue 21, drawn evenly from the generated 90,000-employee workforce. */
export function cohortInstances() {
  const all = profilesOf(generateWorkforce(90_000));
  const every = <T>(list: T[], n: number) =>
    list.filter((_, i) => i % Math.floor(list.length / n) === 0).slice(0, n);
  // Capacities 1–5 spread evenly (the generated applications lean to 1–2).
  const spread = (list: MentorProfile[]) => list.map((m, i) => ({ ...m, capacity: (i % 5) + 1 }));
  const mentees = every(all.mentees, 3000);
  const instances: CohortInstance[] = [
    {
      name: 'normal',
      title: '3,000 mentees × 1,500 mentors',
      mentees,
      mentors: spread(every(all.mentors, 1500)),
    },
    {
      name: 'scarce',
      title: '3,000 mentees × 600 mentors (places scarce)',
      mentees,
      mentors: spread(every(all.mentors, 600)),
    },
    {
      name: 'department',
      title: 'department-wide, 7,831 mentees × 6,302 mentors',
      mentees: all.mentees,
      mentors: all.mentors,
    },
  ];
  return { instances, supervisorOf: all.supervisorOf };
}
