import { MessageThread } from '../../../components/ui/MessageThread';
import { QueryState } from '../../../components/ui/States';
import { useSendRelationshipMessage } from '../api/mutations';
import { useRelationshipThread } from '../api/queries';

/** R-MSG-1..3: the private thread of a relationship (the two partners only). */
export function MessagesPanel({ id }: { id: string }) {
  const thread = useRelationshipThread(id);
  const send = useSendRelationshipMessage(id);
  return (
    <section aria-labelledby={`messages-${id}`} id="messages" className="margin-top-4">
      <h2 id={`messages-${id}`}>Messages</h2>
      <QueryState query={thread}>
        {(t) => (
          <MessageThread
            thread={t}
            earlier={{
              more: thread.hasNextPage,
              loading: thread.isFetchingNextPage,
              load: () => void thread.fetchNextPage(),
            }}
            idPrefix={`rel-${id}`}
            onSend={(body) => send.mutateAsync({ params: { path: { id } }, body: { body } })}
            sending={send.isPending}
            error={send.error}
            closedText="This conversation is closed: you can read it, but not add to it."
          />
        )}
      </QueryState>
    </section>
  );
}
