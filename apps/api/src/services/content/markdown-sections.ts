// R-CONTENT-3: guidance snippets are sections of the program's pages, found by their heading, so the program
// manager edits them in one place. Ids follow the GitHub heading-anchor convention.

export type Section = { id: string; heading: string; markdown: string; items: string[] };

export const headingId = (text: string) =>
  text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');

/** Splits Markdown at its headings (ignoring lines inside fenced code) into sections with their list items. */
export function sections(markdown: string): Section[] {
  const out: (Section & { level: number; lines: string[] })[] = [];
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      out.push({
        id: headingId(heading[2]!),
        heading: heading[2]!,
        level: heading[1]!.length,
        markdown: '',
        items: [],
        lines: [],
      });
      continue;
    }
    for (const open of out.slice(-1)) open.lines.push(line);
  }
  // A section runs to the next heading of the same or a higher level, so it includes its sub-sections.
  return out.map((s, i) => {
    const end = out.findIndex((t, j) => j > i && t.level <= s.level);
    const own = out.slice(i, end === -1 ? undefined : end);
    const lines = own.flatMap((t, k) =>
      k === 0 ? t.lines : [`${'#'.repeat(t.level)} ${t.heading}`, ...t.lines],
    );
    const items = s.lines.flatMap((l) => {
      const m = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(l);
      return m ? [m[1]!.trim()] : [];
    });
    return { id: s.id, heading: s.heading, markdown: lines.join('\n').trim(), items };
  });
}

export const findSection = (markdown: string, id: string) => sections(markdown).find((s) => s.id === id);
