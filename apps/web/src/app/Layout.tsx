import { GovBanner, Header, NavMenuButton, PrimaryNav, Title } from '@trussworks/react-uswds';
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useSignOut } from '../features/auth/api/mutations';
import { useMe } from '../lib/session';
import { Identifier } from './Identifier';
import { navFor } from './nav';
import { UnreadBadge } from './UnreadBadge';
import { useUnreadMessages } from '../lib/useUnreadMessages';
import { CountBadge } from '../components/ui/CountBadge';

/** Banner, header with the person's navigation, main landmark, identifier footer. */
export function Layout() {
  const { me } = useMe();
  const location = useLocation();
  const navigation = useNavigation();
  const [expanded, setExpanded] = useState(false);
  const signOut = useSignOut();
  const unreadMessages = useUnreadMessages(Boolean(me));

  useEffect(() => {
    setExpanded(false);
  }, [location.pathname]);

  const links = me
    ? [
        ...navFor(me).map((item) => (
          <NavLink key={item.to} to={item.to} end={item.to === '/'} className="usa-nav__link">
            <span>
              {item.label}
              <CountBadge
                count={unreadMessages[item.to] ?? 0}
                label="unread messages"
                testId={`unread-messages-${item.to.slice(1)}`}
              />
            </span>
          </NavLink>
        )),
        <UnreadBadge key="inbox" />,
        <button
          key="out"
          type="button"
          className="usa-button usa-button--unstyled usa-nav__link"
          onClick={signOut}
        >
          <span>Sign out</span>
        </button>,
      ]
    : [
        <NavLink key="in" to="/sign-in" className="usa-nav__link">
          <span>Sign in</span>
        </NavLink>,
      ];

  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <GovBanner aria-label="Official website of the United States government" />
      <div className={`usa-overlay ${expanded ? 'is-visible' : ''}`} />
      <Header basic showMobileOverlay={expanded}>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <Link to="/" title="HHS Mentoring Program home">
                HHS Mentoring Program
              </Link>
            </Title>
            <NavMenuButton onClick={() => setExpanded((e) => !e)} label="Menu" />
          </div>
          <PrimaryNav
            aria-label="Primary navigation"
            items={links}
            mobileExpanded={expanded}
            onToggleMobileNav={() => setExpanded((e) => !e)}
          />
        </div>
      </Header>
      <main id="main-content" className="app-main grid-container padding-y-4" tabIndex={-1}>
        {navigation.state === 'loading' && (
          <p role="status" className="usa-sr-only">
            Loading page
          </p>
        )}
        <Outlet />
      </main>
      <Identifier />
    </>
  );
}
