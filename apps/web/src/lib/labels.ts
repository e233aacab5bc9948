// Words for the API's enum values, shared by every screen (docs/content-style.md: values are for machines).
export const PLATFORM_LABEL: Record<'s2j' | 'p2p', string> = {
  s2j: 'Senior-to-Junior',
  p2p: 'Peer-to-Peer',
};

export const METHOD_LABEL: Record<'in_person' | 'phone' | 'video' | 'email', string> = {
  in_person: 'In person',
  phone: 'Phone',
  video: 'Video',
  email: 'Email',
};

export const LOCATION_PREFERENCE_LABEL: Record<
  'same_location' | 'same_opdiv' | 'cross_opdiv' | 'no_preference',
  string
> = {
  same_location: 'A mentor in the same location',
  same_opdiv: 'A mentor in the same operating division',
  cross_opdiv: 'A mentor in a different operating division',
  no_preference: 'No preference',
};

/** "Phone, Video and Email". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
