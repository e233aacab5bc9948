import { Button, ButtonGroup, Form, TextInput } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { TextareaField } from '../../../components/ui/TextareaField';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { Markdown } from './Markdown';

export type PageDraft = { title: string; markdown: string; note: string };

/**
 * The editor with its live preview, started from `initial` (the newest version, or one copied back from the
 * history): its parent keys it by where it started, so a new start is a new editor rather than a state to sync.
 */
export function PageEditor({
  slug,
  initial,
  done,
  problem,
  saving,
  onSave,
}: {
  slug: string;
  initial: PageDraft;
  done: string;
  problem: unknown;
  saving: boolean;
  onSave: (draft: PageDraft, publish: boolean) => void;
}) {
  const [form, setForm] = useState(initial);
  const errors = fieldErrors(problem);
  return (
    <>
      <PageHeading
        lead={
          <>
            Visitors see the published version. <Link to={`/program/${slug}`}>Open the public page</Link>
          </>
        }
      >
        {`Edit: ${form.title}`}
      </PageHeading>
      {done && <Success>{done}</Success>}
      <ErrorAlert error={problem} heading="Not saved" />
      <div className="grid-row grid-gap-4">
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            onSave(form, false);
          }}
          className="grid-col-12 desktop:grid-col-6 maxw-none"
        >
          <Field id="title" label="Title" error={errors.title} required>
            <TextInput
              id="title"
              name="title"
              type="text"
              value={form.title}
              required
              onChange={(e) => setForm({ ...form, title: e.target.value })}
            />
          </Field>
          <TextareaField
            id="markdown"
            label="Text (Markdown)"
            hint="Headings with ##, lists with -, links with [text](https://…). HTML is not shown."
            error={errors.markdown}
            required
            className="height-mobile maxw-none font-mono-xs"
            maxLength={100_000}
            value={form.markdown}
            onChange={(markdown) => setForm({ ...form, markdown })}
          />
          <Field id="note" label="What changed (for the history)" error={errors.note}>
            <TextInput
              id="note"
              name="note"
              type="text"
              value={form.note}
              onChange={(e) => setForm({ ...form, note: e.target.value })}
            />
          </Field>
          <ButtonGroup>
            <Button type="submit" outline disabled={saving}>
              Save draft
            </Button>
            <Button type="button" disabled={saving} onClick={() => onSave(form, true)}>
              Publish
            </Button>
          </ButtonGroup>
        </Form>
        <section className="grid-col-12 desktop:grid-col-6" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <div className="border-1px border-base-lighter padding-2 radius-md">
            <Markdown>{form.markdown}</Markdown>
          </div>
        </section>
      </div>
    </>
  );
}
