/**
 * The speech evaluation set stays held out (issue 22 §3): its sentences and the words only it uses must
 * never reach the domain corpus (the hand-written call-centre phrases and the sample knowledge base), or
 * its accuracy figure would measure a lookup table again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '@main/features/speech/model/corpus';
import { toWords } from '@main/features/speech/model/normalise';
import { evalCalls } from '../../../../fixtures/speech/eval-set';

/**
 * The eval set's words the corpus did not have when the set was written (computed then, frozen here).
 * Adding any of them to the corpus tailors the model to the test; §2's open vocabulary must come from a
 * general English model, not from these.
 */
const EVAL_ONLY_WORDS = [
  'add', 'application', 'arrived', 'b', 'bristol', 'church', 'collins', 'daughter', 'eighteen', 'eighth', 'eleven',
  'ends', 'euros', 'fourteen', 'fourteenth', 'garden', 'goodbye', 'his', 'holiday', 'house', 'husband', 'lane',
  'letter', 'loan', 'madrid', 'maiden', 'mister', 'moment', 'mortgage', 'mothers', 'moved', 'ombudsman', 'overdraft',
  'patel', 'petrol', 'plenty', 'postcode', 'q', 'reach', 'rent', 's', 'sarah', 'savings', 'separately', 'seventy',
  'sorted', 'statements', 'store', 't', 'talking', 'thanks', 'update', 'weeks', 'writing', 'years',
];
/** Longest word run an eval sentence may share with a corpus sentence ("my date of birth is the" is fine). */
const MAX_SHARED_RUN = 6;

const kb = JSON.parse(readFileSync('assets/knowledge/sample-kb.json', 'utf8')) as unknown;
const corpus = buildCorpus({ knowledgePackages: [kb], language: 'en' });
const evalSentences = evalCalls.flatMap((call) => call.utterances.map(toWords));

const runs = (words: readonly string[], n: number): string[] => Array.from({ length: Math.max(0, words.length - n + 1) }, (_, i) => words.slice(i, i + n).join(' '));

describe('speech evaluation set', () => {
  it('has at least 60 utterances in calls of customers and agents', () => {
    expect(evalSentences.length).toBeGreaterThanOrEqual(60);
    expect(new Set(evalCalls.map((c) => c.leg))).toEqual(new Set(['customer', 'agent']));
  });

  it('shares no sentence and no run of more than 6 words with the domain corpus', () => {
    const corpusRuns = new Set(corpus.flatMap((s) => runs(s, MAX_SHARED_RUN + 1)));
    const corpusSentences = new Set(corpus.map((s) => s.join(' ')));
    const leaks = evalSentences.filter((s) => corpusSentences.has(s.join(' ')) || runs(s, MAX_SHARED_RUN + 1).some((r) => corpusRuns.has(r)));
    expect(leaks.map((s) => s.join(' ')), 'eval sentences copied (wholly or in part) into the corpus').toEqual([]);
  });

  it('keeps the words only the eval set uses out of the corpus', () => {
    const vocabulary = new Set(corpus.flat());
    expect(EVAL_ONLY_WORDS.filter((w) => vocabulary.has(w)), 'eval-only words found in the corpus').toEqual([]);
    // The frozen list still describes the set (a word edited out of the set must leave the list too).
    const evalWords = new Set(evalSentences.flat());
    expect(EVAL_ONLY_WORDS.filter((w) => !evalWords.has(w))).toEqual([]);
  });
});
