/**
 * Reads pronunciations from a CMU-style pronouncing dictionary (pocketsphinx's cmudict-en-us.dict:
 * `word PH O N E S`, alternates as `word(2) …`). Only the requested words are kept: the domain
 * dictionary is a few hundred lines, which pocketsphinx loads in milliseconds instead of seconds.
 */
import { readFile } from 'node:fs/promises';

/** Word → its pronunciations in dictionary order (the first is the main one). */
export type Pronunciations = Map<string, string[]>;

/**
 * Looks up words in a dictionary file.
 * @param dictPath the full dictionary
 * @param words the words wanted (lower case, as toWords produces them)
 * @returns pronunciations of the words found; absent words are the caller's OOV list
 */
export async function lookupPronunciations(dictPath: string, words: ReadonlySet<string>): Promise<Pronunciations> {
  const text = await readFile(dictPath, 'utf8');
  const found: Pronunciations = new Map();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    if (space > start && space < end) {
      const head = text.slice(start, space);
      const paren = head.indexOf('(');
      const word = paren > 0 ? head.slice(0, paren) : head;
      if (words.has(word)) {
        const phones = text.slice(space + 1, end).trim();
        // Some dictionaries carry a trailing comment after '#'.
        const clean = phones.replace(/\s*#.*$/, '');
        if (clean !== '') found.set(word, [...(found.get(word) ?? []), clean]);
      }
    }
    start = end + 1;
  }
  return found;
}

/** Writes pronunciations back in dictionary format, words sorted so equal inputs give equal files. */
export function formatDictionary(pronunciations: Pronunciations): string {
  const lines: string[] = [];
  for (const word of [...pronunciations.keys()].sort()) {
    const variants = pronunciations.get(word) ?? [];
    variants.forEach((phones, i) => lines.push(`${i === 0 ? word : `${word}(${i + 1})`} ${phones}`));
  }
  return `${lines.join('\n')}\n`;
}
