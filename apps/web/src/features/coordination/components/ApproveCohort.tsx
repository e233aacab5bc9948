import { ButtonGroup } from '@trussworks/react-uswds';
import { ConfirmStep } from '../../../components/ui/ConfirmStep';

type Mode = 'invitation' | 'suggestion';

/** What approving will do, in words, stated before anything is sent (R-MATCH-4). */
export function approvalQuestion(count: number, mode: Mode): string {
  const pairs = count === 1 ? '1 pair' : `${count} pairs`;
  return mode === 'invitation'
    ? `Approve ${pairs}? Each becomes an invitation to the mentor, sent on the mentee’s behalf: the program’s rules are checked again for each pair, and each mentor and mentee gets an email. A mentor can still decline and a mentee can withdraw, but the emails cannot be taken back.`
    : `Approve ${pairs}? Each mentor is suggested to the mentee, who gets an email and decides whether to invite them.`;
}

/** "Approve all" and "Approve selected", each behind a confirm step that says what will happen. */
export function ApproveCohort({
  all,
  picked,
  mode,
  pending,
  onApprove,
}: {
  all: string[];
  picked: string[];
  mode: Mode;
  pending: boolean;
  onApprove: (ids: string[]) => void;
}) {
  const verb = mode === 'invitation' ? 'send' : 'make';
  const what = (n: number) =>
    mode === 'invitation'
      ? `${n} ${n === 1 ? 'invitation' : 'invitations'}`
      : `${n} ${n === 1 ? 'suggestion' : 'suggestions'}`;
  return (
    <ButtonGroup className="margin-top-2">
      <ConfirmStep
        trigger={`Approve all ${all.length}`}
        question={approvalQuestion(all.length, mode)}
        confirm={`Yes, ${verb} ${what(all.length)}`}
        back="Go back"
        pending={pending}
        onConfirm={() => onApprove(all)}
      />
      {picked.length > 0 && picked.length < all.length && (
        <ConfirmStep
          trigger={`Approve ${picked.length} selected`}
          triggerStyle="outline"
          question={approvalQuestion(picked.length, mode)}
          confirm={`Yes, ${verb} ${what(picked.length)}`}
          back="Go back"
          pending={pending}
          onConfirm={() => onApprove(picked)}
        />
      )}
    </ButtonGroup>
  );
}
