import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../../components/ui/States';
import { usePageVersionActions } from '../api/mutations';
import { useContentVersion, useContentVersions } from '../api/queries';
import { Markdown } from '../components/Markdown';
import { PageEditor, type PageDraft } from '../components/PageEditor';
import { VersionHistory } from '../components/VersionHistory';

/** R-CONTENT-1: the program manager edits a page with a live preview, saves drafts, publishes, reads old versions. */
export default function EditPage() {
  const { slug = '' } = useParams();
  const history = useContentVersions(slug);
  const newest = useContentVersion(slug, history.data?.items[0]?.version);
  const [viewingVersion, setViewingVersion] = useState<number>();
  const viewing = useContentVersion(slug, viewingVersion);
  // A version copied back from the history starts the editor again (each copy a new start, hence the count).
  const [restored, setRestored] = useState<{ start: PageDraft; count: number } | null>(null);
  const [done, setDone] = useState('');
  const { save, publish } = usePageVersionActions((v) => {
    setDone(
      v.publishedAt ? `Version ${v.version} is published.` : `Version ${v.version} is saved as a draft.`,
    );
    setRestored(null);
  });

  const error = history.error ?? newest.error;
  if (error) return <ErrorAlert error={error} heading="This page could not be loaded" />;
  if (!history.data || !newest.data) return <Loading />;
  const shown =
    viewingVersion !== undefined && viewing.data?.version === viewingVersion ? viewing.data : null;
  const editorKey = restored ? `restored-${restored.count}` : `${slug}-version-${newest.data.version}`;
  return (
    <>
      <PageEditor
        key={editorKey}
        slug={slug}
        initial={restored?.start ?? { title: newest.data.title, markdown: newest.data.markdown, note: '' }}
        done={done}
        problem={save.error ?? publish.error}
        saving={save.isPending}
        onSave={(draft, publishNow) => {
          setDone('');
          save.mutate({
            params: { path: { slug } },
            body: {
              title: draft.title,
              markdown: draft.markdown,
              publish: publishNow,
              ...(draft.note ? { note: draft.note } : {}),
            },
          });
        }}
      />
      <VersionHistory
        items={history.data.items}
        current={history.data.currentVersion}
        busy={publish.isPending}
        onView={setViewingVersion}
        onPublish={(v) => publish.mutate({ params: { path: { slug, version: v } } })}
      />
      {shown && (
        <section aria-labelledby="viewing-heading" className="margin-top-4">
          <h2 id="viewing-heading">
            Version {shown.version}: {shown.title}
          </h2>
          <ButtonGroup>
            <Button
              type="button"
              outline
              onClick={() =>
                setRestored((r) => ({
                  start: {
                    title: shown.title,
                    markdown: shown.markdown,
                    note: `Restored from version ${shown.version}`,
                  },
                  count: (r?.count ?? 0) + 1,
                }))
              }
            >
              Copy into the editor
            </Button>
            <Button type="button" unstyled onClick={() => setViewingVersion(undefined)}>
              Close
            </Button>
          </ButtonGroup>
          <div className="border-1px border-base-lighter padding-2 radius-md margin-top-2">
            <Markdown>{shown.markdown}</Markdown>
          </div>
        </section>
      )}
    </>
  );
}
