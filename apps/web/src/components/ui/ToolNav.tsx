import { NavLink } from 'react-router';

/** A row of button-styled links between the screens of one tool; the current screen's button is filled. */
export function ToolNav({ label, links }: { label: string; links: readonly (readonly [string, string])[] }) {
  return (
    <nav aria-label={label} className="margin-bottom-3">
      <ul className="usa-button-group tool-nav">
        {links.map(([to, text]) => (
          <li key={to} className="usa-button-group__item">
            <NavLink
              to={to}
              end
              className={({ isActive }) =>
                `usa-button usa-button--small ${isActive ? '' : 'usa-button--outline'}`
              }
            >
              {text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
