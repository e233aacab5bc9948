import { Link } from 'react-router';

// The USWDS identifier (required on federal sites): the agency, and the required links.
const LINKS: [string, string][] = [
  ['About HHS', 'https://www.hhs.gov/about/index.html'],
  ['Accessibility support', 'https://www.hhs.gov/web/section-508/accessibility-help/index.html'],
  ['FOIA requests', 'https://www.hhs.gov/foia/index.html'],
  ['No FEAR Act data', 'https://www.hhs.gov/about/agencies/asa/eeo/no-fear-act/index.html'],
  ['Office of the Inspector General', 'https://oig.hhs.gov/'],
  ['Privacy policy', 'https://www.hhs.gov/privacy.html'],
];

export function Identifier() {
  return (
    <div className="usa-identifier">
      <section
        className="usa-identifier__section usa-identifier__section--masthead"
        aria-label="Agency identifier"
      >
        <div className="usa-identifier__container">
          <section className="usa-identifier__identity" aria-label="Agency description">
            <p className="usa-identifier__identity-domain">mentoring.hhs.gov</p>
            <p className="usa-identifier__identity-disclaimer">
              An official website of the{' '}
              <a href="https://www.hhs.gov/">U.S. Department of Health and Human Services</a>
            </p>
          </section>
        </div>
      </section>
      <nav
        className="usa-identifier__section usa-identifier__section--required-links"
        aria-label="Important links"
      >
        <div className="usa-identifier__container">
          <ul className="usa-identifier__required-links-list">
            <li className="usa-identifier__required-links-item">
              <Link to="/accessibility" className="usa-identifier__required-link usa-link">
                Accessibility statement
              </Link>
            </li>
            {LINKS.map(([label, href]) => (
              <li className="usa-identifier__required-links-item" key={href}>
                <a href={href} className="usa-identifier__required-link usa-link">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <section
        className="usa-identifier__section usa-identifier__section--usagov"
        aria-label="U.S. government information"
      >
        <div className="usa-identifier__container">
          <div className="usa-identifier__usagov-description">
            Looking for U.S. government information and services?
          </div>{' '}
          <a href="https://www.usa.gov/" className="usa-link">
            Visit USA.gov
          </a>
        </div>
      </section>
    </div>
  );
}
