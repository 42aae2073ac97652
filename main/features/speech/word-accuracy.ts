/**
 * Word accuracy = 1 − WER = 1 − (substitutions + deletions + insertions) / reference words, from a word-level
 * Levenshtein alignment. Both texts are normalised alike (toWords), and contractions are expanded
 * ("there's" = "there is"), as NIST scoring does with its GLM mapping files: a recogniser writing either
 * form heard the same thing.
 */
import { toWords } from './model/normalise';

/** Error counts of one comparison. */
export interface WordScore {
  referenceWords: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  /** 1 − errors / referenceWords (can be negative with many insertions); 1 for two empty texts. */
  accuracy: number;
}

const CONTRACTIONS: Record<string, string> = {
  "there's": 'there is', "it's": 'it is', "that's": 'that is', "what's": 'what is', "i'm": 'i am',
  "i've": 'i have', "i'll": 'i will', "i'd": 'i would', "you're": 'you are', "we're": 'we are',
  "they're": 'they are', "don't": 'do not', "doesn't": 'does not', "didn't": 'did not', "can't": 'can not',
  cannot: 'can not', "won't": 'will not', "isn't": 'is not', "wasn't": 'was not', "haven't": 'have not',
};

/** Normalised words for scoring. */
export function scoringWords(text: string): string[] {
  return toWords(text).flatMap((w) => (CONTRACTIONS[w] ?? w).split(' '));
}

/** Scores a hypothesis against a reference. */
export function scoreWords(reference: string, hypothesis: string): WordScore {
  const ref = scoringWords(reference);
  const hyp = scoringWords(hypothesis);
  // cost[i][j] for ref[0..i) vs hyp[0..j), with the operation counts that reach it.
  type Cell = { cost: number; s: number; d: number; i: number };
  let previous: Cell[] = Array.from({ length: hyp.length + 1 }, (_, j) => ({ cost: j, s: 0, d: 0, i: j }));
  for (let r = 1; r <= ref.length; r++) {
    const row: Cell[] = [{ cost: r, s: 0, d: r, i: 0 }];
    for (let h = 1; h <= hyp.length; h++) {
      const diag = previous[h - 1] as Cell;
      const up = previous[h] as Cell;
      const left = row[h - 1] as Cell;
      const same = ref[r - 1] === hyp[h - 1];
      const options: Cell[] = [
        { cost: diag.cost + (same ? 0 : 1), s: diag.s + (same ? 0 : 1), d: diag.d, i: diag.i },
        { cost: up.cost + 1, s: up.s, d: up.d + 1, i: up.i },
        { cost: left.cost + 1, s: left.s, d: left.d, i: left.i + 1 },
      ];
      row.push(options.reduce((best, o) => (o.cost < best.cost ? o : best)));
    }
    previous = row;
  }
  const end = previous[hyp.length] as Cell;
  return {
    referenceWords: ref.length,
    substitutions: end.s,
    deletions: end.d,
    insertions: end.i,
    accuracy: ref.length === 0 ? (hyp.length === 0 ? 1 : -hyp.length) : 1 - end.cost / ref.length,
  };
}

/** Pools several scores into one (errors over all reference words, as a corpus WER). */
export function poolScores(scores: readonly WordScore[]): WordScore {
  const sum = (key: 'referenceWords' | 'substitutions' | 'deletions' | 'insertions'): number => scores.reduce((n, s) => n + s[key], 0);
  const referenceWords = sum('referenceWords');
  const errors = sum('substitutions') + sum('deletions') + sum('insertions');
  return {
    referenceWords,
    substitutions: sum('substitutions'),
    deletions: sum('deletions'),
    insertions: sum('insertions'),
    accuracy: referenceWords === 0 ? 1 : 1 - errors / referenceWords,
  };
}
