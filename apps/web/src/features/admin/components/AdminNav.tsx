import { ToolNav } from '../../../components/ui/ToolNav';

const LINKS = [
  ['/admin/settings', 'Program settings'],
  ['/admin/coordinators', 'Coordinators'],
  ['/admin/system-clients', 'System clients'],
  ['/admin/content', 'Program pages'],
] as const;

/** The program manager's administration screens. */
export function AdminNav() {
  return <ToolNav label="Administration" links={LINKS} />;
}
