/**
 * Reads a .docx back for tests: the text of its paragraphs and the cells of its tables, from word/document.xml.
 */
import JSZip from 'jszip';

export interface ParsedDocx {
  xml: string;
  /** Every file of the package by name (headers, styles…). */
  files: Map<string, string>;
  /** The text of each paragraph of the body, in order (table cells included). */
  paragraphs: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function textOf(xml: string): string {
  return decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''));
}

export async function parseDocx(file: Buffer | Uint8Array): Promise<ParsedDocx> {
  const zip = await JSZip.loadAsync(file);
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml')) files.set(name, await zip.file(name)!.async('string'));
  }
  const xml = files.get('word/document.xml') ?? '';
  const paragraphs = [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((match) =>
    textOf(match[1]!),
  );
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1]!)),
    ),
  );
  return { xml, files, paragraphs, tables };
}
