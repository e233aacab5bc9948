import { NavLink } from 'react-router';

const LINKS = [
  ['/admin/settings', 'Program settings'],
  ['/admin/coordinators', 'Coordinators'],
  ['/admin/system-clients', 'System clients'],
  ['/admin/content', 'Program pages'],
] as const;

/** The program manager's administration screens. */
export function AdminNav() {
  return (
    <nav aria-label="Administration" className="margin-bottom-3">
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
