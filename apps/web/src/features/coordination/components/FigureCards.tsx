import { Link } from 'react-router';

/** A label, its count, and where the label leads (if anywhere). */
export type Figure = [label: string, count: number, to?: string];

/** The dashboard's count cards: one card per figure, the label a link where there is a list behind it. */
export function FigureCards({ figures, testId }: { figures: Figure[]; testId: string }) {
  return (
    <ul className="usa-card-group" data-testid={testId}>
      {figures.map(([label, n, to]) => (
        <li key={label} className="usa-card grid-col-6 tablet:grid-col-3">
          <div className="usa-card__container">
            <div className="usa-card__body padding-y-2">
              <p className="font-sans-xl text-bold margin-0">{n}</p>
              <p className="margin-0">{to ? <Link to={to}>{label}</Link> : label}</p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
