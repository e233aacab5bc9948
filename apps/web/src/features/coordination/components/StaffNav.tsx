import { NavLink } from 'react-router';

const LINKS = [
  ['/staff', 'Dashboard'],
  ['/staff/unmatched', 'Unmatched mentees'],
  ['/staff/third-party', 'Third-party matching'],
  ['/staff/cohort', 'Cohort matching'],
  ['/staff/terminations', 'Termination requests'],
  ['/staff/help', 'Help requests'],
  ['/staff/reports', 'Reports'],
  ['/staff/audit', 'Audit log'],
  ['/training', 'Training'],
] as const;

/** The coordinator's and program manager's tools. */
export function StaffNav() {
  return (
    <nav aria-label="Coordinator tools" className="margin-bottom-3">
      <ul className="usa-button-group tool-nav">
        {LINKS.map(([to, label]) => (
          <li key={to} className="usa-button-group__item">
            <NavLink
              to={to}
              end
              className={({ isActive }) =>
                `usa-button usa-button--small ${isActive ? '' : 'usa-button--outline'}`
              }
            >
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
