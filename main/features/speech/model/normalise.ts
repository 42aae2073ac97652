/**
 * Text → the words a recogniser would output: lower case, no punctuation, numbers spelled out, British
 * and American apostrophes alike. Shared by the corpus builder, keyword spotting and word accuracy so
 * all three compare the same tokens.
 */
import { numberToWords } from './numbers';

/** Splits text into recogniser words. */
export function toWords(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    // 50,000 → 50000 before commas become separators.
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    // "12-month", "foreign-currency", "R&D": separators, not parts of words.
    .replace(/[^a-z0-9'.\s]/g, ' ')
    // A full stop is part of a number (1.5) only between digits.
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ');
  const words: string[] = [];
  for (const token of cleaned.split(/\s+/)) {
    if (token === '') continue;
    // Only word-internal apostrophes survive ("don't", "bank's"); quotes around words do not.
    const word = token.replace(/^'+|'+$/g, '');
    if (word === '') continue;
    const numeric = /^(\d*)\.?(\d+)?$/.test(word) && /\d/.test(word);
    if (numeric) {
      words.push(...numberToWords(word));
      continue;
    }
    // "12months", "3rd": split digits from letters; ordinals keep their digits as a cardinal.
    const parts = word.match(/\d+|[a-z']+/g) ?? [];
    for (const part of parts) {
      if (/^\d+$/.test(part)) words.push(...numberToWords(part));
      else if (!/^(st|nd|rd|th)$/.test(part) || parts.length === 1) words.push(part);
    }
  }
  return words;
}
