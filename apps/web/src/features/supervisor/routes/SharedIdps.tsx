import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { useSharedIdps } from '../api/queries';
import { SharedIdpTable } from '../components/SharedIdpTable';

/** IDPs my direct reports shared with me (GET /me/shared-idps, R-SEC-1), newest share first. */
export default function SharedIdps() {
  const shared = useSharedIdps();
  return (
    <>
      <PageHeading lead="Individual Development Plans your direct reports shared with you. Read them and add your input.">
        Shared IDPs
      </PageHeading>
      <QueryState
        query={shared}
        isEmpty={(d) => d.length === 0}
        empty="None of your direct reports has shared an IDP with you yet."
      >
        {(items) => <SharedIdpTable items={items} />}
      </QueryState>
    </>
  );
}
