import type { Schemas } from '../../../lib/api';

type Proof = Schemas['CohortProposal']['proof'];

const points = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} points`;

function share(gap: number, bound: number): string {
  const percent = bound > 0 ? (gap / bound) * 100 : 0;
  return percent < 0.01
    ? 'less than 0.01 %'
    : `${percent.toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
}

/** R-MATCH-4-OPT in words: whether the proposal's total is proven the best possible, or how close it is proven to be. */
export function CohortProof({ proof }: { proof: Proof }) {
  if (!proof)
    return (
      <p data-testid="cohort-proof">
        This proposal was made before totals were checked against the best possible.
      </p>
    );
  if (proof.status === 'optimal')
    return (
      <p data-testid="cohort-proof">
        This is the best possible total: checked against every eligible mentor for every mentee, no other set
        of pairs scores higher.
      </p>
    );
  return (
    <p data-testid="cohort-proof">
      This total is within {share(proof.gap, proof.bound)} of the best possible (at most {points(proof.gap)}{' '}
      more could be reached). The check ran out of time before it could prove the best; preview again to keep
      trying.
    </p>
  );
}
