import type { Me } from '../lib/session';

export type NavItem = { to: string; label: string };

/** The header's links for what this person does in the program: participants, supervisors, staff. */
export function navFor(me: Me): NavItem[] {
  const staff = me.roles.includes('coordinator') || me.roles.includes('program_manager');
  const items: NavItem[] = [
    { to: '/', label: 'Home' },
    { to: '/suggestions', label: 'Find a mentor' },
    { to: '/invitations', label: 'Invitations' },
    { to: '/relationships', label: 'Relationships' },
    { to: '/training', label: 'Training' },
  ];
  if (me.roles.includes('supervisor')) items.push({ to: '/supervisor', label: 'Shared IDPs' });
  if (staff) items.push({ to: '/staff', label: 'Coordinator' });
  if (me.roles.includes('program_manager')) items.push({ to: '/admin/settings', label: 'Administration' });
  return items;
}
