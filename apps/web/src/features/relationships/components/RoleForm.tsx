import { Button, ButtonGroup } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading } from '../../../components/ui/States';
import { useRelationship } from '../api/queries';

/** The relationship and which side of it I am on, for the forms each side fills in separately. */
export function useMyRole(id: string) {
  const rel = useRelationship(id);
  const role: 'mentor' | 'mentee' = rel.data?.myRole === 'mentor' ? 'mentor' : 'mentee';
  return { rel, role };
}

/** Page around a per-role form: heading, the way back, and the form once the relationship has loaded. */
export function RoleFormPage({
  id,
  heading,
  rel,
  children,
}: {
  id: string;
  heading: string;
  rel: { error: unknown; data?: unknown };
  children: ReactNode;
}) {
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p>
        <Link to={`/relationships/${id}`}>Back to the relationship</Link>
      </p>
      {rel.error ? <ErrorAlert error={rel.error} /> : !rel.data ? <Loading /> : children}
    </>
  );
}

/** "Save draft" and the submit button of a form that is not submitted yet. */
export function DraftActions({
  pending,
  onSaveDraft,
  submitLabel,
}: {
  pending: boolean;
  onSaveDraft: () => void;
  submitLabel: string;
}) {
  return (
    <ButtonGroup className="margin-top-3">
      <Button type="button" outline disabled={pending} onClick={onSaveDraft}>
        Save draft
      </Button>
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </ButtonGroup>
  );
}
