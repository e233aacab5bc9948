// The demo seed's accounts (apps/api/src/seed/seed.ts), shown only in development builds as a hint.
const DEMO = [
  ['Mentee', 'jordan.rivera@cdc.hhs.gov'],
  ['Mentor', 'dana.whitfield@nih.hhs.gov'],
  ['Supervisor (of Jordan)', 'samuel.okafor@cdc.hhs.gov'],
  ['Coordinator (CDC)', 'priya.natarajan@cdc.hhs.gov'],
  ['Program manager', 'morgan.ellis@os.hhs.gov'],
] as const;

export function DemoAccounts({ onPick }: { onPick: (email: string) => void }) {
  return (
    <section className="usa-summary-box margin-top-4" aria-labelledby="demo-heading">
      <div className="usa-summary-box__body">
        <h2 className="usa-summary-box__heading" id="demo-heading">
          Demo accounts (development only)
        </h2>
        <p>
          Password for all: <code>Mentoring-Demo-2026!</code>
        </p>
        <ul className="usa-list">
          {DEMO.map(([role, email]) => (
            <li key={email}>
              {role}:{' '}
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => onPick(email)}>
                {email}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
