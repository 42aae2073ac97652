/**
 * Keyword spotting on recognised words: a listened-for word or phrase ("complaint", "card number") found as
 * consecutive words of a final. Matching is on normalised words (toWords), so "Card-Number" in a rule
 * matches "card number" heard. Only finals are searched: a partial may still change, and a keyword
 * reported twice would raise the same alert twice.
 */
import type { WordTiming } from './engine';
import { toWords } from './model/normalise';

/** One keyword found, named as the client wrote it. */
export interface KeywordHit {
  keyword: string;
  startMs: number;
  endMs: number;
}

/** A keyword list prepared for matching. */
export interface KeywordMatcher {
  find(words: readonly WordTiming[]): KeywordHit[];
}

/** Prepares keywords; empty or unspeakable entries (punctuation only) are ignored. */
export function keywordMatcher(keywords: readonly string[]): KeywordMatcher {
  const phrases = keywords.map((keyword) => ({ keyword, words: toWords(keyword) })).filter((p) => p.words.length > 0);
  return {
    find(words) {
      const hits: KeywordHit[] = [];
      for (const phrase of phrases) {
        for (let i = 0; i + phrase.words.length <= words.length; i++) {
          if (phrase.words.every((w, j) => words[i + j]?.word === w)) {
            const first = words[i] as WordTiming;
            const last = words[i + phrase.words.length - 1] as WordTiming;
            hits.push({ keyword: phrase.keyword, startMs: first.startMs, endMs: last.endMs });
          }
        }
      }
      return hits.sort((a, b) => a.startMs - b.startMs);
    },
  };
}
