import { Link } from 'react-router';
import type { Me } from '../../../lib/session';

export function StaffLinks({ me }: { me: Me }) {
  const pm = me.roles.includes('program_manager');
  return (
    <section aria-labelledby="staff-tools">
      <h2 id="staff-tools">{pm ? 'Program management' : `Coordinating ${me.coordinatorOpdivs.join(', ')}`}</h2>
      <ul className="usa-list">
        <li>
          <Link to="/directory">Search the directory</Link>
        </li>
        {pm && (
          <li>
            <Link to="/admin/settings">Program settings</Link>
          </li>
        )}
        {pm && (
          <li>
            <Link to="/admin/system-clients">System clients</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
