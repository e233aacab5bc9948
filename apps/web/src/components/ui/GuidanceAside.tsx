import ReactMarkdown from 'react-markdown';

/** One guidance point: its Markdown emphasis rendered, never shown as raw asterisks; anything else as plain text. */
function Point({ children }: { children: string }) {
  return (
    <ReactMarkdown
      skipHtml
      allowedElements={['p', 'strong', 'em']}
      unwrapDisallowed
      components={{ p: ({ children: c }) => <>{c}</> }}
    >
      {children}
    </ReactMarkdown>
  );
}

/** A side box of program guidance (a heading and its points), e.g. questions to ask or topics to agree. */
export function GuidanceAside({
  id,
  className,
  boxClassName,
  guidance,
}: {
  /** id of the heading, which labels the aside */
  id: string;
  className: string;
  boxClassName?: string;
  guidance: { heading: string; items: string[] };
}) {
  return (
    <aside className={className} aria-labelledby={id}>
      <div className={boxClassName ? `usa-summary-box ${boxClassName}` : 'usa-summary-box'}>
        <div className="usa-summary-box__body">
          <h2 className="usa-summary-box__heading" id={id}>
            {guidance.heading}
          </h2>
          <ul className="usa-list">
            {guidance.items.map((item) => (
              <li key={item}>
                <Point>{item}</Point>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </aside>
  );
}
