import ReactMarkdown from 'react-markdown';

/**
 * R-CONTENT-1: program pages come from the database as Markdown. Raw HTML in it is dropped (skipHtml, and no
 * rehype-raw), and react-markdown's default URL filter removes javascript: and other unsafe links, so nothing the
 * text contains can run in the page.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="usa-prose">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
