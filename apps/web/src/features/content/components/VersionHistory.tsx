import { Button } from '@trussworks/react-uswds';
import type { Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

type Version = Schemas['ContentVersionSummary'];

/** A page's versions, newest first: which one is live, drafts that can still be published, and who wrote each. */
export function VersionHistory({
  items,
  current,
  onView,
  onPublish,
  busy,
}: {
  items: Version[];
  current: number | null;
  onView: (version: number) => void;
  onPublish: (version: number) => void;
  busy: boolean;
}) {
  return (
    <table className="usa-table usa-table--borderless width-full">
      <caption>Version history</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Status</th>
          <th scope="col">Author</th>
          <th scope="col">Saved</th>
          <th scope="col">Note</th>
          <th scope="col">
            <span className="usa-sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((v) => (
          <tr key={v.version}>
            <th scope="row">{v.version}</th>
            <td>{v.version === current ? 'Live' : v.publishedAt ? 'Published earlier' : 'Draft'}</td>
            <td>{v.authorName ?? 'Program website'}</td>
            <td>{formatDate(v.createdAt)}</td>
            <td>{v.note ?? ''}</td>
            <td>
              <Button type="button" unstyled onClick={() => onView(v.version)}>
                View<span className="usa-sr-only"> version {v.version}</span>
              </Button>
              {!v.publishedAt && (current === null || v.version > current) && (
                <Button
                  type="button"
                  unstyled
                  className="margin-left-2"
                  disabled={busy}
                  onClick={() => onPublish(v.version)}
                >
                  Publish<span className="usa-sr-only"> version {v.version}</span>
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
