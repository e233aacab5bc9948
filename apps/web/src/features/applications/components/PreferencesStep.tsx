import { Checkbox, Select } from '@trussworks/react-uswds';
import { CheckboxGroup, RadioGroup } from '../../../components/ui/Choices';
import { Field } from '../../../components/ui/Field';
import type { LocationPreference, Platform, Role } from '../api/types';
import type { Draft } from './draft';

const PLATFORMS: { value: Platform; label: string; description: string }[] = [
  {
    value: 's2j',
    label: 'Senior-to-Junior',
    description: 'A more senior mentor outside the mentee’s reporting chain.',
  },
  { value: 'p2p', label: 'Peer-to-Peer', description: 'A colleague at a similar grade.' },
];
const LOCATIONS: { value: LocationPreference; label: string }[] = [
  { value: 'same_location', label: 'Same location as me' },
  { value: 'same_opdiv', label: 'Same operating division' },
  { value: 'cross_opdiv', label: 'A different operating division' },
  { value: 'no_preference', label: 'No preference' },
];

type Props = {
  role: Role;
  draft: Draft;
  set: (p: Partial<Draft>) => void;
  errors: Record<string, string>;
  maxCapacity: number;
};

export function PreferencesStep({ role, draft, set, errors, maxCapacity }: Props) {
  if (role === 'mentee')
    return (
      <>
        <RadioGroup
          name="platform"
          legend="The kind of mentoring you want"
          options={PLATFORMS}
          value={draft.platform}
          onChange={(v) => set({ platform: v })}
          error={errors.platform}
        />
        <RadioGroup
          name="locationPreference"
          legend="Where your mentor is"
          options={LOCATIONS}
          value={draft.locationPreference}
          onChange={(v) => set({ locationPreference: v })}
          error={errors.locationPreference}
        />
      </>
    );
  return (
    <>
      <CheckboxGroup
        name="platforms"
        legend="Platforms you offer"
        options={PLATFORMS}
        value={draft.platforms}
        onChange={(v) => set({ platforms: v })}
        error={errors.platforms}
      />
      <Field
        id="capacity"
        label="How many mentees you can take at once"
        hint={`From 1 to ${maxCapacity}.`}
        error={errors.capacity}
        required
      >
        <Select
          id="capacity"
          name="capacity"
          value={draft.capacity}
          onChange={(e) => set({ capacity: e.target.value })}
          aria-describedby="capacity-hint"
        >
          {Array.from({ length: 5 }, (_, i) => String(i + 1)).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        id="acceptsOtherOpdivs"
        name="acceptsOtherOpdivs"
        label="I will mentor people from other operating divisions"
        checked={draft.acceptsOtherOpdivs}
        onChange={(e) => set({ acceptsOtherOpdivs: e.target.checked })}
      />
    </>
  );
}
