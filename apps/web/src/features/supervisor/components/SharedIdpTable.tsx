import { Link } from 'react-router';
import type { Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

type SharedIdp = Schemas['SharedIdp'];

/** One row per shared IDP: who, when, and whether my input is still to give. */
export function SharedIdpTable({ items }: { items: SharedIdp[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="IDPs shared with you">
      <table className="usa-table usa-table--borderless width-full" data-testid="shared-idps">
        <caption className="usa-sr-only">IDPs shared with you</caption>
        <thead>
          <tr>
            <th scope="col">Direct report</th>
            <th scope="col">Mentor</th>
            <th scope="col">Shared</th>
            <th scope="col">Your input</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.relationshipId}>
              <th scope="row">
                <Link to={`/relationships/${i.relationshipId}/idp`}>IDP of {i.mentee.name}</Link>
                {i.relationshipState !== 'active' && i.relationshipState !== 'onboarding' && (
                  <span className="display-block font-sans-2xs">
                    Relationship {i.relationshipState.replace('_', ' ')}
                  </span>
                )}
              </th>
              <td>
                {i.mentor.name} ({i.mentor.opdiv})
              </td>
              <td>{formatDate(i.sharedAt)}</td>
              <td>
                {i.inputGiven ? (
                  `Given ${formatDate(i.myInputAt)}`
                ) : (
                  <span className="usa-tag bg-accent-warm-darker">To give</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
