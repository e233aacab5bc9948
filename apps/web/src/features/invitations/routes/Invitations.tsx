import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { Empty, QueryState } from '../../../components/ui/States';
import type { Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useInvitations } from '../api/queries';
import { STATE_LABEL, STATE_TAG } from '../components/labels';
import { CountBadge } from '../../../components/ui/CountBadge';
import { useUnreadByInvitation } from '../api/queries';

type Invitation = Schemas['Invitation'];

function InvitationTable({
  items,
  other,
  caption,
}: {
  items: Invitation[];
  other: 'mentor' | 'mentee';
  caption: string;
}) {
  const unread = useUnreadByInvitation();
  if (items.length === 0) return <Empty>None yet.</Empty>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="usa-table usa-table--borderless width-full">
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{other === 'mentor' ? 'Mentor' : 'Mentee'}</th>
            <th scope="col">Status</th>
            <th scope="col">Sent</th>
            <th scope="col">Answer by</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link to={`/invitations/${i.id}`}>{i[other].name}</Link>{' '}
                <span className="text-base">({i[other].opdiv})</span>
                <CountBadge count={unread.get(i.id) ?? 0} label="unread messages" />
              </th>
              <td>
                <span className={`usa-tag ${STATE_TAG[i.state]}`}>{STATE_LABEL[i.state]}</span>
              </td>
              <td>{formatDate(i.sentAt)}</td>
              <td>{i.state === 'pending' ? formatDate(i.expiresAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Invitations I sent as a mentee and received as a mentor. */
export default function Invitations() {
  const { me } = useMe();
  const list = useInvitations();
  return (
    <>
      <PageHeading>Invitations</PageHeading>
      <QueryState query={list}>
        {(items) => {
          const sent = items.filter((i) => i.mentee.id === me?.employee.id);
          const received = items.filter((i) => i.mentor.id === me?.employee.id);
          return (
            <>
              <section aria-labelledby="received-heading">
                <h2 id="received-heading">Received as a mentor</h2>
                <InvitationTable items={received} other="mentee" caption="Invitations you received" />
              </section>
              <section aria-labelledby="sent-heading">
                <h2 id="sent-heading">Sent as a mentee</h2>
                <InvitationTable items={sent} other="mentor" caption="Invitations you sent" />
                <p>
                  <Link to="/suggestions">See suggested mentors</Link>
                </p>
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
