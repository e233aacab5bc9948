import { MessageThread } from '../../../components/ui/MessageThread';
import { QueryState } from '../../../components/ui/States';
import { useInvitationThread, useSendInvitationMessage } from '../api/queries';

/** R-MSG-1: an open invitation's thread, so the mentor can ask before answering (the invitation's message starts it). */
export function InvitationMessages({ id, iAmMentor }: { id: string; iAmMentor: boolean }) {
  const thread = useInvitationThread(id, true);
  const send = useSendInvitationMessage(id);
  return (
    <section aria-labelledby="invitation-messages-heading" id="messages" className="margin-top-4">
      <h2 id="invitation-messages-heading">Messages</h2>
      <p>
        {iAmMentor
          ? 'Ask the mentee anything you need to know before you answer.'
          : 'The mentor may ask you questions here before answering.'}
      </p>
      <QueryState query={thread}>
        {(t) => (
          <MessageThread
            thread={t}
            earlier={{
              more: thread.hasNextPage,
              loading: thread.isFetchingNextPage,
              load: () => void thread.fetchNextPage(),
            }}
            idPrefix={`inv-${id}`}
            onSend={(body) => send.mutateAsync({ params: { path: { id } }, body: { body } })}
            sending={send.isPending}
            error={send.error}
            closedText="This invitation has been answered, so the conversation is closed. You can still read it."
          />
        )}
      </QueryState>
    </section>
  );
}
