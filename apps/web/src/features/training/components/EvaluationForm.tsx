import { Button, Form, Select, Textarea } from '@trussworks/react-uswds';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/Field';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { $api, fieldErrors } from '../../../lib/api';

/** R-TRAIN-3: someone who attended evaluates the event once. */
export function EvaluationForm({ eventId }: { eventId: string }) {
  const queryClient = useQueryClient();
  const [rating, setRating] = useState('');
  const [comments, setComments] = useState('');
  const send = $api.useMutation('post', '/api/v1/training/events/{id}/evaluation', {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/training/me'] }),
  });
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
      <Field id="ev-rating" label="Your rating (1 poor – 5 excellent)" error={errors.rating} required>
        <Select
          id="ev-rating"
          name="rating"
          value={rating}
          onChange={(e) => setRating(e.target.value)}
          required
        >
          <option value="">- Select -</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="ev-comments" label="Comments" error={errors.comments}>
        <Textarea
          id="ev-comments"
          name="comments"
          value={comments}
          maxLength={4000}
          onChange={(e) => setComments(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={send.isPending || !rating}>
        Send evaluation
      </Button>
    </Form>
  );
}
