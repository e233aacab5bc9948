// Synthetic mentor/mentee pools for the timing script (deterministic PRNG).
import { COMPETENCIES, parseGrade } from '../dist/index.js';

export function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const OPDIVS = ['CDC', 'NIH', 'FDA', 'CMS', 'HRSA', 'IHS', 'SAMHSA', 'OS', 'ACF', 'AHRQ'];
const CITIES = [
  ['Atlanta', 'GA', 'America/New_York'],
  ['Bethesda', 'MD', 'America/New_York'],
  ['Rockville', 'MD', 'America/New_York'],
  ['Baltimore', 'MD', 'America/New_York'],
  ['Washington', 'DC', 'America/New_York'],
  ['Denver', 'CO', 'America/Denver'],
  ['Seattle', 'WA', 'America/Los_Angeles'],
  ['Albuquerque', 'NM', 'America/Denver'],
];
const WORDS =
  'budget policy leadership program analysis public health data science epidemiology grants management acquisition contracts information technology security research clinical trials regulation communications outreach workforce training evaluation finance audit legal compliance emergency preparedness response laboratory statistics informatics cloud modernization customer service tribal community nursing medicine pharmacy quality improvement strategy planning human capital recruitment diversity inclusion negotiation partnership coalition congress legislative affairs writing presentation'.split(
    ' ',
  );
const pick = (r, a) => a[Math.floor(r() * a.length)];
const words = (r, n) => Array.from({ length: n }, () => pick(r, WORDS)).join(' ');

function employee(r, id, rank) {
  const [city, state, timeZone] = pick(r, CITIES);
  const g = parseGrade('GS', String(rank));
  return {
    id,
    opdiv: pick(r, OPDIVS),
    grade: g.grade,
    supervisorId: null,
    occupationSeries: '0343',
    occupationTitle: words(r, 3),
    city,
    state,
    timeZone,
  };
}

export function makePool(nMentors, nMentees, seed = 1) {
  const r = rng(seed);
  const codes = COMPETENCIES.map((c) => c.code);
  const supervisors = new Map();
  const mentors = Array.from({ length: nMentors }, (_, i) => {
    const id = `m${String(i).padStart(5, '0')}`;
    const e = employee(r, id, 11 + Math.floor(r() * 5));
    if (i > 10) supervisors.set(id, `m${String(Math.floor(r() * i)).padStart(5, '0')}`);
    return {
      employeeId: id,
      employee: e,
      platforms: r() < 0.7 ? ['s2j', 'p2p'] : [pick(r, ['s2j', 'p2p'])],
      capacity: 1 + Math.floor(r() * 5),
      liveMenteeCount: 0,
      paused: r() < 0.05,
      active: true,
      acceptsOtherOpdivs: r() < 0.8,
      competencies: Array.from({ length: 4 + Math.floor(r() * 6) }, () => pick(r, codes)),
      technicalAreas: words(r, 6),
      careerText: words(r, 80),
      communicationMethods: ['video', 'email', 'phone', 'in_person'].filter(() => r() < 0.6),
    };
  });
  const mentees = Array.from({ length: nMentees }, (_, i) => {
    const id = `t${String(i).padStart(5, '0')}`;
    supervisors.set(id, pick(r, mentors).employeeId);
    return {
      employeeId: id,
      employee: employee(r, id, 5 + Math.floor(r() * 9)),
      platform: r() < 0.7 ? 's2j' : 'p2p',
      developmentalNeeds: Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(r, codes)).filter(
        (c, k, a) => a.indexOf(c) === k,
      ),
      goalsText: words(r, 25),
      locationPreference: pick(r, ['same_location', 'same_opdiv', 'cross_opdiv', 'no_preference']),
      communicationMethods: ['video', 'email'],
      hasLiveRelationship: false,
      openInvitationCount: 0,
      invitedMentorIds: [],
      declinedByMentorIds: [],
    };
  });
  return { mentors, mentees, supervisorOf: (id) => supervisors.get(id) ?? null };
}
