import { Checkbox, ErrorMessage, FormGroup } from '@trussworks/react-uswds';
import type { Role } from '../api/types';
import type { Draft } from './draft';

type Props = {
  role: Role;
  draft: Draft;
  set: (p: Partial<Draft>) => void;
  errors: Record<string, string>;
  items: string[];
};

/** R-CONTENT-2: the applicant reads and acknowledges the role's responsibilities. */
export function AcknowledgeStep({ role, draft, set, errors, items }: Props) {
  return (
    <>
      <h3>The {role}’s responsibilities</h3>
      <ol className="usa-list" data-testid="responsibilities">
        {items.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ol>
      <FormGroup error={!!errors.acknowledge}>
        {errors.acknowledge && <ErrorMessage id="acknowledge-error">{errors.acknowledge}</ErrorMessage>}
        <Checkbox
          id="acknowledge"
          name="acknowledge"
          tile
          checked={draft.acknowledge}
          onChange={(e) => set({ acknowledge: e.target.checked })}
          label={`I have read these responsibilities and will meet them as a ${role}.`}
        />
      </FormGroup>
    </>
  );
}
