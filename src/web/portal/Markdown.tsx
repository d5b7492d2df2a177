/**
 * The little Markdown the post editor allows (headings, lists, bold, italic, links over http(s)), rendered as
 * React text nodes: nothing a post contains is ever handed to the browser as HTML.
 */
import type { ReactNode } from 'react';

function inline(text: string, key: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /(\*\*[^*]+\*\*|\*[^*]+\*|\[[^\]]+\]\(https?:\/\/[^)\s]+\))/g;
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const token = match[0];
    const id = `${key}-${index++}`;
    if (token.startsWith('**')) parts.push(<strong key={id}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('*')) parts.push(<em key={id}>{token.slice(1, -1)}</em>);
    else {
      const [, label, href] = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(token) ?? [];
      parts.push(
        <a key={id} href={href} rel="noopener noreferrer nofollow" target="_blank">
          {label}
        </a>,
      );
    }
    last = match.index + token.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Lines with stable ids (their position in the text, which never changes while a post is shown). */
function numbered(lines: string[], prefix: string): Array<{ id: string; text: string }> {
  const items: Array<{ id: string; text: string }> = [];
  for (const [position, text] of lines.entries()) items.push({ id: `${prefix}-${position}`, text });
  return items;
}

type Kind = 'heading' | 'ul' | 'ol' | 'text';

function kindOf(line: string): Kind {
  if (/^#{1,3}\s+/.test(line)) return 'heading';
  if (/^\s*[-*]\s+/.test(line)) return 'ul';
  if (/^\s*\d+[.)]\s+/.test(line)) return 'ol';
  return 'text';
}

/** Consecutive lines of one kind; a list right under a paragraph needs no blank line between them. */
function runsOf(lines: Array<{ id: string; text: string }>): Array<{ kind: Kind; lines: typeof lines }> {
  const runs: Array<{ kind: Kind; lines: typeof lines }> = [];
  for (const line of lines) {
    const kind = kindOf(line.text);
    const last = runs.at(-1);
    if (last && last.kind === kind && kind !== 'heading') last.lines.push(line);
    else runs.push({ kind, lines: [line] });
  }
  return runs;
}

export function Markdown({ text }: { text: string }) {
  const blocks = text.split(/\n{2,}/);
  return (
    <div className="markdown">
      {numbered(blocks, 'b').flatMap(({ id: block, text: content }) =>
        runsOf(numbered(content.split('\n'), block)).map(({ kind, lines }) => {
          const key = lines[0]!.id;
          if (kind === 'heading') {
            const [, marks = '#', title = ''] = /^(#{1,3})\s+(.*)$/.exec(lines[0]!.text) ?? [];
            const inner = inline(title, key);
            return marks.length === 1 ? <h2 key={key}>{inner}</h2> : <h3 key={key}>{inner}</h3>;
          }
          if (kind === 'ul' || kind === 'ol') {
            const items = lines.map((line) => (
              <li key={line.id}>{inline(line.text.replace(/^\s*(?:[-*]|\d+[.)])\s+/, ''), line.id)}</li>
            ));
            return kind === 'ul' ? <ul key={key}>{items}</ul> : <ol key={key}>{items}</ol>;
          }
          return (
            <p key={key}>
              {lines.map((line, index) => (
                <span key={line.id}>
                  {index > 0 && <br />}
                  {inline(line.text, line.id)}
                </span>
              ))}
            </p>
          );
        }),
      )}
    </div>
  );
}
