import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useId, useState, type ReactNode } from 'react';

/**
 * A consequential action behind a second step: the trigger button opens a group named by the question, with the
 * confirming button and a way back. Nothing happens until the person confirms.
 */
export function ConfirmStep({
  trigger,
  question,
  confirm,
  back,
  pending,
  onConfirm,
  triggerStyle = 'secondary',
}: {
  trigger: string;
  question: ReactNode;
  confirm: string;
  back: string;
  pending: boolean;
  onConfirm: () => void;
  triggerStyle?: 'secondary' | 'outline';
}) {
  const [open, setOpen] = useState(false);
  const questionId = useId();
  if (!open)
    return (
      <Button
        type="button"
        secondary={triggerStyle === 'secondary'}
        outline={triggerStyle === 'outline'}
        onClick={() => setOpen(true)}
      >
        {trigger}
      </Button>
    );
  return (
    <div role="group" aria-labelledby={questionId}>
      <p id={questionId} className="text-bold">
        {question}
      </p>
      <ButtonGroup>
        <Button type="button" secondary disabled={pending} onClick={onConfirm}>
          {confirm}
        </Button>
        <Button type="button" outline onClick={() => setOpen(false)}>
          {back}
        </Button>
      </ButtonGroup>
    </div>
  );
}
