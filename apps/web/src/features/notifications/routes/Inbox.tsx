import { Button } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager, useUrlPage } from '../../../components/ui/Pager';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import { useMarkRead } from '../api/mutations';
import { useNotifications } from '../api/queries';
import { formatDate } from '../../../lib/format';

const LIMIT = 20;

/** The inbox (R-NOTE-1): newest first; opening or marking one read updates the header count. */
export default function Inbox() {
  const { cursor } = useUrlPage();
  const list = useNotifications(LIMIT, cursor);
  const { markRead, markAll } = useMarkRead();
  return (
    <>
      <PageHeading>Notifications</PageHeading>
      <ErrorAlert error={markRead.error ?? markAll.error} />
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty="You have no notifications.">
        {(page) => (
          <>
            <Button
              type="button"
              outline
              onClick={() => markAll.mutate({})}
              disabled={markAll.isPending || page.items.every((n) => n.readAt)}
            >
              Mark all as read
            </Button>
            <ul className="usa-list usa-list--unstyled margin-top-2">
              {page.items.map((n) => (
                <li
                  key={n.id}
                  className={`padding-2 margin-bottom-1 radius-md border-1px ${n.readAt ? 'border-base-lighter' : 'border-primary bg-primary-lighter'}`}
                >
                  <h2 className="font-sans-md margin-0">
                    {!n.readAt && <span className="usa-sr-only">Unread: </span>}
                    {n.link ? (
                      <Link
                        to={n.link}
                        onClick={() => !n.readAt && markRead.mutate({ params: { path: { id: n.id } } })}
                      >
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </h2>
                  <p className="margin-y-1">{n.body}</p>
                  <p className="margin-0 text-ink font-sans-2xs">
                    {formatDate(n.createdAt)}
                    {!n.readAt && (
                      <Button
                        type="button"
                        unstyled
                        className="margin-left-2"
                        onClick={() => markRead.mutate({ params: { path: { id: n.id } } })}
                      >
                        Mark as read
                      </Button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
            <UrlPager next={page.next} />
          </>
        )}
      </QueryState>
    </>
  );
}
