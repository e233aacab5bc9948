import { Button, Form } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { ScoreSelect } from '../../../components/ui/ScoreSelect';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { TextareaField } from '../../../components/ui/TextareaField';
import { fieldErrors } from '../../../lib/api';
import { useEvaluate } from '../api/mutations';

/** R-TRAIN-3: someone who attended evaluates the event once. */
export function EvaluationForm({ eventId }: { eventId: string }) {
  const [rating, setRating] = useState<number | null>(null);
  const [comments, setComments] = useState('');
  const send = useEvaluate();
  const errors = fieldErrors(send.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate({
      params: { path: { id: eventId } },
      body: { rating: Number(rating), ...(comments.trim() ? { comments: comments.trim() } : {}) },
    });
  }
  if (send.isSuccess) return <Success>Thank you for your evaluation.</Success>;
  return (
    <Form onSubmit={submit} aria-label="Evaluate this event">
      <h2>Evaluate this event</h2>
      <ErrorAlert error={send.error} heading="Your evaluation was not sent" />
      <ScoreSelect
        id="ev-rating"
        name="rating"
        label="Your rating (1 poor – 5 excellent)"
        error={errors.rating}
        value={rating}
        onChange={setRating}
        required
      />
      <TextareaField
        id="ev-comments"
        name="comments"
        label="Comments"
        error={errors.comments}
        value={comments}
        onChange={setComments}
      />
      <Button type="submit" disabled={send.isPending || !rating}>
        Send evaluation
      </Button>
    </Form>
  );
}
