import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GuidanceAside } from './GuidanceAside';

describe('GuidanceAside', () => {
  it('renders the guidance’s Markdown emphasis instead of showing asterisks', () => {
    render(
      <GuidanceAside
        id="topics"
        className=""
        guidance={{
          heading: 'Topics for your mentoring agreement',
          items: ['**Responsibilities:** what each of you can and cannot do.'],
        }}
      />,
    );
    const item = screen.getByRole('listitem');
    expect(item).toHaveTextContent('Responsibilities: what each of you can and cannot do.');
    expect(item.textContent).not.toContain('**');
    expect(item.querySelector('strong')).toHaveTextContent('Responsibilities:');
  });
});
