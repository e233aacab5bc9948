import { ToolNav } from '../../../components/ui/ToolNav';

const LINKS = [
  ['/staff', 'Dashboard'],
  ['/staff/unmatched', 'Unmatched mentees'],
  ['/staff/third-party', 'Third-party matching'],
  ['/staff/cohort', 'Cohort matching'],
  ['/staff/quiet-pairs', 'Quiet pairs'],
  ['/staff/terminations', 'Termination requests'],
  ['/staff/help', 'Help requests'],
  ['/staff/reports', 'Reports'],
  ['/staff/audit', 'Audit log'],
  ['/training', 'Training'],
] as const;

/** The coordinator's and program manager's tools. */
export function StaffNav() {
  return <ToolNav label="Coordinator tools" links={LINKS} />;
}
