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

export function Markdown({ text }: { text: string }) {
  const blocks = text.split(/\n{2,}/);
  return (
    <div className="markdown">
      {numbered(blocks, 'b').map(({ id: key, text: block }) => {
        const lines = block.split('\n');
        const heading = /^(#{1,3})\s+(.*)$/.exec(block);
        if (heading && lines.length === 1) {
          const level = heading[1]!.length;
          const content = inline(heading[2]!, key);
          return level === 1 ? <h2 key={key}>{content}</h2> : <h3 key={key}>{content}</h3>;
        }
        if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
          return (
            <ul key={key}>
              {numbered(lines, key).map((line) => (
                <li key={line.id}>{inline(line.text.replace(/^\s*[-*]\s+/, ''), line.id)}</li>
              ))}
            </ul>
          );
        }
        if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) {
          return (
            <ol key={key}>
              {numbered(lines, key).map((line) => (
                <li key={line.id}>{inline(line.text.replace(/^\s*\d+[.)]\s+/, ''), line.id)}</li>
              ))}
            </ol>
          );
        }
        return (
          <p key={key}>
            {numbered(lines, key).map((line) => (
              <span key={line.id}>
                {line.id !== `${key}-0` && <br />}
                {inline(line.text, line.id)}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
