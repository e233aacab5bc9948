import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Success } from './States';

/** A form keyed by the version it saved, as the relationship and settings screens do. */
function KeyedForm() {
  const [version, setVersion] = useState(0);
  return (
    <>
      {version > 0 && <Success>The plan was saved.</Success>}
      <form key={version}>
        <button type="button" onClick={() => setVersion((v) => v + 1)}>
          Save
        </button>
      </form>
    </>
  );
}

describe('Success', () => {
  it('takes keyboard focus when the saved form started again and took the pressed button with it', () => {
    render(<KeyedForm />);
    const save = screen.getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.click(save);
    expect(screen.getByRole('status')).toHaveTextContent('The plan was saved.');
    expect(document.activeElement).toBe(screen.getByRole('status').parentElement);
  });

  it('leaves focus where it is when the person is still somewhere on the page', () => {
    const { rerender } = render(<input aria-label="Notes" />);
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    notes.focus();
    rerender(
      <>
        <input aria-label="Notes" />
        <Success>Saved.</Success>
      </>,
    );
    expect(document.activeElement).toBe(notes);
  });
});
