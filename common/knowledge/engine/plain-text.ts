/**
 * Article bodies as plain text for excerpts (search results, assist's suggestion cards): the Markdown markup
 * goes (`**Key answer:**` reads "Key answer:", `[text](url)` reads "text"), line breaks stay as '\n' so an
 * excerpt can end where a line does. Every pattern is a run of negated classes: linear in the body's length,
 * like the renderer's own Markdown reader (features/knowledge/markdown.ts), which shows the whole article.
 */

const LINE_MARKUP: [RegExp, string][] = [
  [/^ {0,3}(?:```|~~~).*$/, ''], // code fences
  [/^ {0,3}(?:[-*_] *){3,}$/, ''], // rules
  [/^ {0,3}#{1,6}[ \t]+/, ''], // headings
  [/^ {0,3}(?:> ?)+/, ''], // quotes
  [/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, ''], // list items
];

const INLINE_MARKUP: [RegExp, string][] = [
  [/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1'], // images: their alt text
  [/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1'], // links: their text
  [/\*\*|__|~~|`/g, ''], // strong, strike, code
  [/(^|[\s(（])[*_](?=\S)/g, '$1'], // an emphasis opening
  [/(\S)[*_](?=$|[\s).,!?;:，。！？；：）])/g, '$1'], // an emphasis closing
];

/** The body's text without Markdown markup, one line per non-empty source line. */
export function markdownToPlain(markdown: string): string {
  const lines: string[] = [];
  for (const raw of markdown.split('\n')) {
    let line = raw;
    for (const [pattern, by] of LINE_MARKUP) line = line.replace(pattern, by);
    for (const [pattern, by] of INLINE_MARKUP) line = line.replace(pattern, by);
    line = line.trim();
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

const SENTENCE_END = /[.!?。！？；;\n]/;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch) && !CJK.test(ch);

/**
 * The window of `text` to show around position `at`, at most `size` characters: from the start of the
 * sentence holding `at` (or a word boundary before it when that sentence began long before), to the last
 * sentence end that fits (or the last word boundary: never mid-word; Chinese may end between any characters).
 */
export function excerptWindow(text: string, at: number, size: number): [number, number] {
  const back = Math.max(0, at - Math.floor(size / 2));
  let from = at;
  while (from > back && !SENTENCE_END.test(text[from - 1] ?? '')) from--;
  if (from === back && from > 0 && !SENTENCE_END.test(text[from - 1] ?? '')) {
    from = Math.max(0, at - Math.floor(size / 4));
    while (from < at && isWordChar(text[from - 1]) && isWordChar(text[from])) from++;
  }
  while (from < text.length && /\s/.test(text[from] ?? '')) from++;
  let to = Math.min(text.length, from + size);
  if (to < text.length) {
    const window = text.slice(from, to);
    let sentence = -1;
    for (let i = window.length - 1; i >= size / 2 && sentence < 0; i--) if (SENTENCE_END.test(window[i] ?? '')) sentence = i;
    if (sentence >= 0) to = from + sentence + 1;
    else while (to > at && isWordChar(text[to - 1]) && isWordChar(text[to])) to--;
  }
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return [from, to];
}
