/**
 * The transactions whose last write was sent with `WriteBatch.runAsLast` (decision 0013). On PostgreSQL its COMMIT
 * left in the same packet, so a statement sent afterwards would run outside the transaction: it throws instead.
 */
const sealed = new WeakSet<object>();

export class SealedTransactionError extends Error {
  constructor() {
    super(
      'A statement was sent through a transaction after its WriteBatch.runAsLast(): on PostgreSQL it would run after COMMIT, outside the transaction. Send it before, or in the batch.',
    );
  }
}

export function seal(tx: object): void {
  sealed.add(tx);
}

export function assertNotSealed(tx: object): void {
  if (sealed.has(tx)) throw new SealedTransactionError();
}
