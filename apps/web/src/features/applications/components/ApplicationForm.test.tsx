import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApplicationForm, type ApplicationFormProps } from './ApplicationForm';
import { RESPONSIBILITIES } from './responsibilities';

const competencies = [
  {
    code: 'strategic-thinking',
    name: 'Strategic Thinking',
    group: 'Leading Change',
    definition: '',
    focus: false,
  },
  { code: 'accountability', name: 'Accountability', group: 'Results Driven', definition: '', focus: true },
];

function renderForm(overrides: Partial<ApplicationFormProps> = {}) {
  const onSubmit = vi.fn();
  const props: ApplicationFormProps = {
    role: 'mentor',
    competencies,
    responsibilities: RESPONSIBILITIES.mentor,
    reflectionPrompts: ['What do you want to learn?'],
    maxCapacity: 3,
    submitting: false,
    problem: null,
    onSubmit,
    ...overrides,
  };
  const view = render(<ApplicationForm {...props} />);
  return {
    onSubmit,
    user: userEvent.setup(),
    rerender: (p: Partial<ApplicationFormProps>) => view.rerender(<ApplicationForm {...props} {...p} />),
  };
}

describe('ApplicationForm', () => {
  it('does not move on until the background step is valid, and says what is missing next to the fields', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Step 1 of 4: Background')).toBeInTheDocument();
    expect(screen.getByText('Tell us about yourself in a sentence or two.')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one way to communicate.')).toBeInTheDocument();
  });

  it('R-CONTENT-2: a mentor goes through all four steps, acknowledges the eight responsibilities, and sends the body', async () => {
    const { user, onSubmit } = renderForm();
    await user.type(screen.getByLabelText(/About you/), 'Twenty years in public health.');
    await user.click(screen.getByLabelText('Video'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByLabelText('Accountability'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByLabelText(/Peer-to-Peer/));
    await user.selectOptions(screen.getByLabelText(/How many mentees/), '4');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Choose between 1 and 3 mentees.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(/How many mentees/), '2');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(
      screen.getAllByRole('listitem').filter((li) => RESPONSIBILITIES.mentor.includes(li.textContent ?? '')),
    ).toHaveLength(8);
    await user.click(screen.getByRole('button', { name: 'Submit application' }));
    expect(screen.getByText(/must acknowledge the responsibilities/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByLabelText(/I have read these responsibilities/));
    await user.click(screen.getByRole('button', { name: 'Submit application' }));
    expect(onSubmit).toHaveBeenCalledWith({
      bio: 'Twenty years in public health.',
      education: '',
      positions: [],
      communicationMethods: ['video'],
      acknowledgeResponsibilities: true,
      competencies: ['accountability'],
      technicalAreas: '',
      platforms: ['p2p'],
      capacity: 2,
      acceptsOtherOpdivs: true,
    });
  });

  it('shows field errors from a problem beside their fields, on the step that holds them', async () => {
    const { rerender } = renderForm({ role: 'mentee' });
    rerender({
      problem: {
        type: 'https://mentoring.hhs.gov/problems/validation',
        title: 'Your request is not valid',
        status: 400,
        detail: 'Some fields are not valid.',
        errors: [{ field: '/body/shortTermGoals', message: 'must NOT have fewer than 1 characters' }],
      },
    });
    expect(await screen.findByText('Step 2 of 4: Needs and goals')).toBeInTheDocument();
    const goals = screen.getByLabelText(/Short-term goals/);
    expect(goals.closest('.usa-form-group')).toHaveTextContent('must NOT have fewer than 1 characters');
    expect(screen.getByText('Please correct the field marked below.')).toBeInTheDocument();
    expect(screen.getByText('Some fields are not valid.')).toBeInTheDocument();
    expect(screen.getByText('What do you want to learn?')).toBeInTheDocument();
  });

  it("shows a rule refusal as the rule's sentence", () => {
    renderForm({
      problem: {
        type: 'x',
        title: 'A program rule refused this',
        status: 409,
        rule: 'R-APP-1',
        detail: 'You may hold one mentor application.',
      },
    });
    expect(screen.getByText('You may hold one mentor application.')).toBeInTheDocument();
    expect(screen.queryByText('R-APP-1')).not.toBeInTheDocument();
  });
});
