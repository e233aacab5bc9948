import { Button, ButtonGroup, Form, Textarea, TextInput } from '@trussworks/react-uswds';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading, Success } from '../../../components/ui/States';
import { $api, apiFetch, fieldErrors } from '../../../lib/api';
import { Markdown } from '../components/Markdown';
import { VersionHistory } from '../components/VersionHistory';

/** R-CONTENT-1: the program manager edits a page with a live preview, saves drafts, publishes, reads old versions. */
export default function EditPage() {
  const { slug = '' } = useParams();
  const queryClient = useQueryClient();
  const history = $api.useQuery('get', '/api/v1/content/{slug}/versions', { params: { path: { slug } } });
  const [form, setForm] = useState<{ title: string; markdown: string; note: string } | null>(null);
  const [viewing, setViewing] = useState<{ version: number; title: string; markdown: string } | null>(null);
  const [done, setDone] = useState('');
  const newest = history.data?.items[0]?.version;

  // Start from the newest version (draft or published), once.
  useEffect(() => {
    if (form || newest === undefined) return;
    void apiFetch
      .GET('/api/v1/content/{slug}/versions/{version}', { params: { path: { slug, version: newest } } })
      .then(({ data }) => {
        if (data) setForm({ title: data.title, markdown: data.markdown, note: '' });
      });
  }, [form, newest, slug]);

  const refresh = () =>
    queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[1]).startsWith('/api/v1/content') });
  const save = $api.useMutation('post', '/api/v1/content/{slug}/versions', {
    onSuccess: async (saved) => {
      setDone(
        saved.publishedAt
          ? `Version ${saved.version} is published.`
          : `Version ${saved.version} is saved as a draft.`,
      );
      setForm((f) => (f ? { ...f, note: '' } : f));
      await refresh();
    },
  });
  const publish = $api.useMutation('post', '/api/v1/content/{slug}/versions/{version}/publish', {
    onSuccess: async (p) => {
      setDone(`Version ${p.version} is published.`);
      await refresh();
    },
  });

  async function view(version: number) {
    const { data } = await apiFetch.GET('/api/v1/content/{slug}/versions/{version}', {
      params: { path: { slug, version } },
    });
    if (data) setViewing({ version, title: data.title, markdown: data.markdown });
  }
  function submit(publishNow: boolean) {
    return (event?: FormEvent) => {
      event?.preventDefault();
      if (!form) return;
      setDone('');
      save.mutate({
        params: { path: { slug } },
        body: {
          title: form.title,
          markdown: form.markdown,
          publish: publishNow,
          ...(form.note ? { note: form.note } : {}),
        },
      });
    };
  }

  if (history.error) return <ErrorAlert error={history.error} heading="This page could not be loaded" />;
  if (!history.data || !form) return <Loading />;
  const errors = fieldErrors(save.error);
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
      <ErrorAlert error={save.error ?? publish.error} heading="Not saved" />
      <div className="grid-row grid-gap-4">
        <Form onSubmit={submit(false)} className="grid-col-12 desktop:grid-col-6 maxw-none">
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
          <Field
            id="markdown"
            label="Text (Markdown)"
            hint="Headings with ##, lists with -, links with [text](https://…). HTML is not shown."
            error={errors.markdown}
            required
          >
            <Textarea
              id="markdown"
              name="markdown"
              className="height-mobile maxw-none font-mono-xs"
              aria-describedby="markdown-hint"
              value={form.markdown}
              required
              onChange={(e) => setForm({ ...form, markdown: e.target.value })}
            />
          </Field>
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
            <Button type="submit" outline disabled={save.isPending}>
              Save draft
            </Button>
            <Button type="button" disabled={save.isPending} onClick={submit(true)}>
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
      <VersionHistory
        items={history.data.items}
        current={history.data.currentVersion}
        busy={publish.isPending}
        onView={(v) => void view(v)}
        onPublish={(v) => publish.mutate({ params: { path: { slug, version: v } } })}
      />
      {viewing && (
        <section aria-labelledby="viewing-heading" className="margin-top-4">
          <h2 id="viewing-heading">
            Version {viewing.version}: {viewing.title}
          </h2>
          <ButtonGroup>
            <Button
              type="button"
              outline
              onClick={() =>
                setForm({
                  title: viewing.title,
                  markdown: viewing.markdown,
                  note: `Restored from version ${viewing.version}`,
                })
              }
            >
              Copy into the editor
            </Button>
            <Button type="button" unstyled onClick={() => setViewing(null)}>
              Close
            </Button>
          </ButtonGroup>
          <div className="border-1px border-base-lighter padding-2 radius-md margin-top-2">
            <Markdown>{viewing.markdown}</Markdown>
          </div>
        </section>
      )}
    </>
  );
}
