import type {
  CommunicationMethod,
  LocationPreference,
  MenteeInput,
  MentorInput,
  Platform,
  Role,
} from '../api/types';

/** Everything the multi-step form holds, for either role; toBody() keeps the role's fields. */
export type Draft = {
  bio: string;
  education: string;
  positions: { title: string; organization: string; years: string }[];
  communicationMethods: CommunicationMethod[];
  competencies: string[];
  technicalAreas: string;
  platforms: Platform[];
  capacity: string;
  acceptsOtherOpdivs: boolean;
  developmentalNeeds: string[];
  shortTermGoals: string;
  longTermGoals: string;
  platform: Platform | '';
  locationPreference: LocationPreference;
  acknowledge: boolean;
};

type Existing = Partial<
  Omit<MentorInput, 'acknowledgeResponsibilities'> & Omit<MenteeInput, 'acknowledgeResponsibilities'>
>;

export function initialDraft(existing?: Existing | null): Draft {
  return {
    bio: existing?.bio ?? '',
    education: existing?.education ?? '',
    positions: (existing?.positions ?? []).map((p) => ({ ...p, years: String(p.years) })),
    communicationMethods: existing?.communicationMethods ?? [],
    competencies: existing?.competencies ?? [],
    technicalAreas: existing?.technicalAreas ?? '',
    platforms: existing?.platforms ?? [],
    capacity: existing?.capacity ? String(existing.capacity) : '2',
    acceptsOtherOpdivs: existing?.acceptsOtherOpdivs ?? true,
    developmentalNeeds: existing?.developmentalNeeds ?? [],
    shortTermGoals: existing?.shortTermGoals ?? '',
    longTermGoals: existing?.longTermGoals ?? '',
    platform: existing?.platform ?? '',
    locationPreference: existing?.locationPreference ?? 'no_preference',
    acknowledge: false,
  };
}

const background = (d: Draft) => ({
  bio: d.bio.trim(),
  education: d.education.trim(),
  positions: d.positions.map((p) => ({
    title: p.title.trim(),
    organization: p.organization.trim(),
    years: Number(p.years),
  })),
  communicationMethods: d.communicationMethods,
  acknowledgeResponsibilities: true as const,
});

export function mentorBody(d: Draft): MentorInput {
  return {
    ...background(d),
    competencies: d.competencies,
    technicalAreas: d.technicalAreas.trim(),
    platforms: d.platforms,
    capacity: Number(d.capacity),
    acceptsOtherOpdivs: d.acceptsOtherOpdivs,
  };
}

export function menteeBody(d: Draft): MenteeInput {
  return {
    ...background(d),
    developmentalNeeds: d.developmentalNeeds,
    shortTermGoals: d.shortTermGoals.trim(),
    longTermGoals: d.longTermGoals.trim(),
    platform: d.platform as Platform,
    locationPreference: d.locationPreference,
  };
}

export const STEPS = ['Background', 'Expertise', 'Preferences', 'Responsibilities'] as const;
export const MENTEE_STEPS = ['Background', 'Needs and goals', 'Preferences', 'Responsibilities'] as const;

/** Which step shows a field, so a field error from the API sends the person back to it. */
export function stepOfField(field: string): number {
  const name = field.split('/')[0] ?? field;
  if (['bio', 'education', 'positions', 'communicationMethods'].includes(name)) return 0;
  if (
    ['competencies', 'technicalAreas', 'developmentalNeeds', 'shortTermGoals', 'longTermGoals'].includes(name)
  )
    return 1;
  if (['platforms', 'capacity', 'acceptsOtherOpdivs', 'platform', 'locationPreference'].includes(name))
    return 2;
  return 3;
}

/** The checks a person should hear about before sending (the API checks them again). */
export function validateStep(
  role: Role,
  step: number,
  d: Draft,
  maxCapacity: number,
): Record<string, string> {
  const e: Record<string, string> = {};
  if (step === 0) {
    if (!d.bio.trim()) e.bio = 'Tell us about yourself in a sentence or two.';
    if (d.communicationMethods.length === 0)
      e.communicationMethods = 'Choose at least one way to communicate.';
    d.positions.forEach((p, i) => {
      if (!p.title.trim()) e[`positions/${i}/title`] = 'Enter the position title.';
      if (!p.organization.trim()) e[`positions/${i}/organization`] = 'Enter the organization.';
      const years = Number(p.years);
      if (p.years === '' || Number.isNaN(years) || years < 0 || years > 60)
        e[`positions/${i}/years`] = 'Enter years between 0 and 60.';
    });
  }
  if (step === 1 && role === 'mentor') {
    if (d.competencies.length === 0) e.competencies = 'Choose at least one competency you can help with.';
    if (d.competencies.length > 12) e.competencies = 'Choose at most 12 competencies.';
  }
  if (step === 1 && role === 'mentee') {
    if (d.developmentalNeeds.length === 0)
      e.developmentalNeeds = 'Choose at least one competency you want to develop.';
    if (d.developmentalNeeds.length > 8) e.developmentalNeeds = 'Choose at most 8 competencies.';
    if (!d.shortTermGoals.trim()) e.shortTermGoals = 'Describe your short-term goals.';
    if (!d.longTermGoals.trim()) e.longTermGoals = 'Describe your long-term goals.';
  }
  if (step === 2 && role === 'mentor') {
    if (d.platforms.length === 0) e.platforms = 'Choose at least one platform.';
    const c = Number(d.capacity);
    if (!Number.isInteger(c) || c < 1 || c > maxCapacity)
      e.capacity = `Choose between 1 and ${maxCapacity} mentees.`;
  }
  if (step === 2 && role === 'mentee' && !d.platform) e.platform = 'Choose a platform.';
  if (step === 3 && !d.acknowledge) e.acknowledge = 'You must acknowledge the responsibilities to apply.';
  return e;
}
