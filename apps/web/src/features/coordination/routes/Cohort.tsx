import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/DataTable';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading, Success } from '../../../components/ui/States';
import type { Schemas } from '../../../lib/api';
import { useOpdivs } from '../../../lib/reference';
import { useMe } from '../../../lib/session';
import { useCohortActions } from '../api/mutations';
import { CohortProof } from '../components/CohortProof';
import { ApproveCohort } from '../components/ApproveCohort';
import { CohortRunHistory } from '../components/CohortRunHistory';
import { StaffNav } from '../components/StaffNav';

type Proposal = Schemas['CohortProposal'];
const PAIR_STATUS: Record<string, string> = {
  proposed: 'Not decided',
  invited: 'Invitation sent',
  suggested: 'Suggested to the mentee',
  refused: 'Refused',
};

/** Cohort matching (R-MATCH-4): preview the best whole-cohort assignment beside greedy, then approve all or some. */
export default function Cohort() {
  const { me } = useMe();
  const [opdiv, setOpdiv] = useState(me?.coordinatorOpdivs[0] ?? '');
  const [topK, setTopK] = useState('20');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [mode, setMode] = useState<'invitation' | 'suggestion'>('invitation');
  const { propose, approve } = useCohortActions((p) => {
    setProposal(p);
    setPicked(p.pairs.filter((x) => x.status === 'proposed').map((x) => x.id));
  }, setProposal);
  const opdivs = useOpdivs();

  function preview(e: FormEvent) {
    e.preventDefault();
    propose.mutate({ body: { ...(opdiv ? { opdiv } : {}), topK: Number(topK) } });
  }
  return (
    <>
      <PageHeading lead="Match every unmatched mentee of a scope at once, maximizing the total score under the capacity rules.">
        Cohort matching
      </PageHeading>
      <StaffNav />
      <Form onSubmit={preview} aria-label="Propose a cohort assignment">
        <Field id="cohort-opdiv" label="Operating division">
          <Select id="cohort-opdiv" name="opdiv" value={opdiv} onChange={(e) => setOpdiv(e.target.value)}>
            {me?.roles.includes('program_manager') && <option value="">All of HHS</option>}
            {opdivs.data
              ?.filter((o) => me?.roles.includes('program_manager') || me?.coordinatorOpdivs.includes(o.code))
              .map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code}
                </option>
              ))}
          </Select>
        </Field>
        <Field
          id="cohort-topk"
          label="Candidate mentors per mentee"
          hint="The proposal is checked against every eligible mentor either way; more can help when places are scarce."
        >
          <TextInput
            id="cohort-topk"
            name="topK"
            type="number"
            min={1}
            max={500}
            inputSize="small"
            value={topK}
            onChange={(e) => setTopK(e.target.value)}
            aria-describedby="cohort-topk-hint"
          />
        </Field>
        <Button type="submit" disabled={propose.isPending}>
          {propose.isPending ? 'Computing…' : 'Preview proposal'}
        </Button>
      </Form>
      <ErrorAlert error={propose.error ?? approve.error} />
      {propose.isPending && (
        <Loading label="Computing the best assignment… For all of HHS this takes several seconds." />
      )}
      {approve.data && (
        <Success>
          {approve.data.results.filter((r) => r.status !== 'refused').length} pairs approved as{' '}
          {approve.data.mode}s; {approve.data.results.filter((r) => r.refusal).length} refused. The run is
          listed under Earlier runs below.
        </Success>
      )}
      {proposal && (
        <ProposalView
          proposal={proposal}
          picked={picked}
          setPicked={setPicked}
          mode={mode}
          setMode={setMode}
          approving={approve.isPending}
          onApprove={(pairIds) =>
            approve.mutate({ params: { path: { id: proposal.id } }, body: { pairIds, mode } })
          }
        />
      )}
      <CohortRunHistory />
    </>
  );
}

function ProposalView({
  proposal: p,
  picked,
  setPicked,
  mode,
  setMode,
  approving,
  onApprove,
}: {
  proposal: Proposal;
  picked: string[];
  setPicked: (ids: string[]) => void;
  mode: 'invitation' | 'suggestion';
  setMode: (m: 'invitation' | 'suggestion') => void;
  approving: boolean;
  onApprove: (ids: string[]) => void;
}) {
  const open = p.pairs.filter((x) => x.status === 'proposed');
  const gain = p.greedyTotal > 0 ? ((p.total - p.greedyTotal) / p.greedyTotal) * 100 : 0;
  return (
    <section aria-labelledby="proposal-heading" className="margin-top-4">
      <h2 id="proposal-heading">Proposal</h2>
      <p data-testid="cohort-totals">
        {p.pairs.length} pairs for {p.menteeCount} mentees and {p.mentorCount} mentors. Total score{' '}
        <strong>{p.total.toFixed(1)}</strong> against {p.greedyTotal.toFixed(1)} for one-at-a-time (greedy)
        matching ({gain >= 0 ? '+' : ''}
        {gain.toFixed(1)}%). {p.unmatched.length} left unmatched.
      </p>
      <CohortProof proof={p.proof} />
      <DataTable caption="Proposed pairs" columns={['Approve', 'Mentee', 'Mentor', 'Score', 'Why', 'Status']}>
        {p.pairs.map((x) => (
          <tr key={x.id}>
            <td>
              <input
                type="checkbox"
                className="margin-1"
                aria-label={`Approve ${x.mentee.name} with ${x.mentor.name}`}
                disabled={x.status !== 'proposed'}
                checked={picked.includes(x.id)}
                onChange={(e) =>
                  setPicked(e.target.checked ? [...picked, x.id] : picked.filter((id) => id !== x.id))
                }
              />
            </td>
            <th scope="row">
              {x.mentee.name} ({x.mentee.opdiv})
            </th>
            <td>
              {x.mentor.name} ({x.mentor.opdiv})
            </td>
            <td>{x.score.toFixed(1)}</td>
            <td>{x.reasons.slice(0, 2).join('; ')}</td>
            <td>{x.refusal ? x.refusal.detail : (PAIR_STATUS[x.status] ?? x.status)}</td>
          </tr>
        ))}
      </DataTable>
      {open.length > 0 && (
        <>
          <Field id="cohort-mode" label="Approve as">
            <Select
              id="cohort-mode"
              name="mode"
              value={mode}
              onChange={(e) => setMode(e.target.value as 'invitation' | 'suggestion')}
            >
              <option value="invitation">Invitations to the mentors (rules re-checked now)</option>
              <option value="suggestion">Suggestions to the mentees</option>
            </Select>
          </Field>
          <ApproveCohort
            all={open.map((x) => x.id)}
            picked={picked}
            mode={mode}
            pending={approving}
            onApprove={onApprove}
          />
        </>
      )}
    </section>
  );
}
