import type { Me } from '../lib/session';

export type NavItem = { to: string; label: string };

/** The header's links for what this person does in the program (R-ROLE-*): participants, supervisors, staff. */
export function navFor(me: Me): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'Home' }];
  items.push({ to: '/applications', label: 'My applications' });
  items.push({ to: '/directory', label: 'Find a mentor' });
  if (me.roles.includes('program_manager')) {
    items.push({ to: '/admin/settings', label: 'Settings' });
    items.push({ to: '/admin/system-clients', label: 'System clients' });
  }
  return items;
}
