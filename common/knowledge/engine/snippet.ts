/**
 * Highlighting: re-analyses a shown line with offsets and marks the tokens whose terms the query
 * matched. Done only for the hits returned, so it costs nothing for the articles ranked away.
 */
import { analyze } from './tokenize';
import { excerptWindow, markdownToPlain } from './plain-text';
import type { Snippet } from './types';

const EXCERPT = 120;

/** Ranges of text whose terms are in `matched`, merged where they touch or overlap. */
export function highlight(text: string, matched: ReadonlySet<string>, latinBigrams: boolean): [number, number][] {
  const ranges: [number, number][] = [];
  const tokens = analyze(text, { latinBigrams }).filter((t) => matched.has(t.term));
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const { start, end } of tokens) {
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

/** A highlighted snippet of a whole short line (title or similar question). */
export function lineSnippet(field: 'title' | 'question', text: string, matched: ReadonlySet<string>, pairs: boolean): Snippet {
  return { field, text, ranges: highlight(text, matched, pairs) };
}

/**
 * A window of the body around its first match, as plain text (no Markdown markup), starting and ending at
 * sentence or word boundaries, with an ellipsis where it cuts the body; undefined when nothing in it matches.
 */
export function bodyExcerpt(body: string, matched: ReadonlySet<string>, pairs: boolean): Snippet | undefined {
  const plain = markdownToPlain(body);
  const ranges = highlight(plain, matched, pairs);
  const first = ranges[0];
  if (!first) return undefined;
  const [from, to] = excerptWindow(plain, first[0], EXCERPT);
  const lead = from > 0 ? '…' : '';
  const text = `${lead}${plain.slice(from, to).replace(/\n/g, ' ')}${to < plain.length ? '…' : ''}`;
  const inside = ranges
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]): [number, number] => [s - from + lead.length, e - from + lead.length]);
  return { field: 'body', text, ranges: inside };
}
