/**
 * Highlighting: re-analyses a shown line with offsets and marks the tokens whose terms the query
 * matched. Done only for the hits returned, so it costs nothing for the articles ranked away.
 */
import { analyze } from './tokenize';
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

/** A window of the body around its first match, or undefined when nothing in it matches. */
export function bodyExcerpt(body: string, matched: ReadonlySet<string>, pairs: boolean): Snippet | undefined {
  const ranges = highlight(body, matched, pairs);
  const first = ranges[0];
  if (!first) return undefined;
  const from = Math.max(0, first[0] - EXCERPT / 4);
  const to = Math.min(body.length, from + EXCERPT);
  const text = body.slice(from, to);
  const inside = ranges
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]): [number, number] => [s - from, e - from]);
  return { field: 'body', text, ranges: inside };
}
