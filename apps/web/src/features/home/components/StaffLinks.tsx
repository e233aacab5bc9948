import { Link } from 'react-router';
import type { Me } from '../../../lib/session';

export function StaffLinks({ me }: { me: Me }) {
  const pm = me.roles.includes('program_manager');
  const links: [string, string][] = [
    ['/staff', 'Coordinator dashboard'],
    ['/staff/unmatched', 'Unmatched mentees'],
    ['/staff/cohort', 'Cohort matching'],
    ['/staff/reports', 'Reports'],
    ['/staff/audit', 'Audit log'],
    ['/training', 'Training management'],
    ...(pm
      ? ([
          ['/admin/settings', 'Program settings'],
          ['/admin/system-clients', 'System clients'],
          ['/admin/content', 'Program pages'],
        ] as [string, string][])
      : []),
  ];
  return (
    <section aria-labelledby="staff-tools">
      <h2 id="staff-tools">
        {pm ? 'Program management' : `Coordinating ${me.coordinatorOpdivs.join(', ')}`}
      </h2>
      <ul className="usa-list">
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to}>{label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
