/**
 * The pocketsphinx engine on festival speech (test/fixtures/speech): what an agent would notice is that the
 * words are right, that text appears while the customer speaks, and that the final comes soon after.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERAL_DEFAULTS } from '@main/features/speech/config';
import { runClip, type ClipRun } from '@main/features/speech/evaluate';
import { PocketsphinxEngine, type PocketsphinxStream } from '@main/features/speech/pocketsphinx/engine';
import { readWav } from '@main/features/speech/wav';
import { poolScores, scoreWords } from '@main/features/speech/word-accuracy';
import { freshModelCache, testEngineConfig } from '../../../../fixtures/speech/engine-config';
import { ensureSpeechFixtures, type SpeechClip, type SpeechFixtures } from '../../../../fixtures/speech/generate';

const cacheDir = freshModelCache();
let fixtures: SpeechFixtures;
let stream: PocketsphinxStream;
const runs = new Map<string, { clip: SpeechClip; run: ClipRun }>();

function runOf(id: string): { clip: SpeechClip; run: ClipRun } {
  const entry = runs.get(id);
  if (!entry) throw new Error(`no run for ${id}`);
  return entry;
}

beforeAll(async () => {
  fixtures = await ensureSpeechFixtures();
  const engine = await PocketsphinxEngine.create(testEngineConfig(), cacheDir);
  stream = await engine.open({ language: 'en-US', hints: [], keywords: [] });
  // One decoder for every clip, as a call's leg would use it: finish() between clips resets the stream clock.
  for (const clip of [...fixtures.clips, fixtures.conversation]) {
    runs.set(clip.id, { clip, run: await runClip(stream, (await readWav(clip.wav16)).samples) });
  }
}, 180_000);

afterAll(() => {
  stream?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('pocketsphinx engine with the domain model', () => {
  it('recognises the test speech with at least 85 % word accuracy', () => {
    const scores = fixtures.clips.map((clip) => scoreWords(clip.text, runOf(clip.id).run.finals.map((f) => f.event.text).join(' ')));
    expect(poolScores(scores).accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('hears the words assist acts on: lost, card, complaint, and the digits of a card number', () => {
    const words = (id: string): string[] => runOf(id).run.finals.flatMap((f) => f.event.text.split(' '));
    expect(words('lost-card')).toEqual(expect.arrayContaining(['lost', 'card']));
    expect(words('complaint')).toContain('complaint');
    expect(words('card-number').filter((w) => ['one', 'two', 'three', 'four', 'five'].includes(w)).length).toBeGreaterThanOrEqual(13);
  });

  it('shows partial text while the customer is still speaking, then one final for the utterance', () => {
    const { clip, run } = runOf('lost-card');
    const speechEnd = clip.segments[0]?.endMs ?? 0;
    expect(run.partials.length).toBeGreaterThanOrEqual(2);
    expect(run.partials[0]?.endMs).toBeLessThan(speechEnd);
    expect(run.finals).toHaveLength(1);
    expect(run.finals[0]?.atStop).toBe(false);
  });

  // A regression bound (a recogniser far behind real time, a final held back to the stop), not the target: the
  // 800 ms median is measured by `npm run bench -- --only assist` (assist.final_latency_ms), not by a timed test.
  it('delivers each final while the audio goes on, within 2 s of the end of speech at real-time pacing', () => {
    for (const clip of [...fixtures.clips, fixtures.conversation]) {
      const { run } = runOf(clip.id);
      expect(run.finals.map((f) => f.atStop), clip.id).not.toContain(true);
      run.finals.forEach((final, i) => {
        const truth = clip.segments[i];
        expect(truth, `${clip.id}: more finals than utterances`).toBeDefined();
        expect(final.availableAtMs - (truth?.endMs ?? 0), `${clip.id} #${i}`).toBeLessThanOrEqual(2000);
      });
    }
  });

  it('places finals where the words are in the recording (±150 ms)', () => {
    for (const clip of [...fixtures.clips, fixtures.conversation]) {
      const { run } = runOf(clip.id);
      expect(run.finals.length, clip.id).toBe(clip.segments.length);
      run.finals.forEach((final, i) => {
        expect(Math.abs(final.event.startMs - (clip.segments[i]?.startMs ?? 0)), `${clip.id} #${i} start`).toBeLessThanOrEqual(150);
        expect(Math.abs(final.event.endMs - (clip.segments[i]?.endMs ?? 0)), `${clip.id} #${i} end`).toBeLessThanOrEqual(150);
      });
    }
  });

  it('uses well under a third of a core (rtf < 0.3)', () => {
    const cpu = [...runs.values()].reduce((n, { run }) => n + run.cpuMs, 0);
    const audio = [...runs.values()].reduce((n, { run }) => n + run.audioMs, 0);
    expect(cpu / audio).toBeLessThan(0.3);
  });

  it('loads quickly: the domain words and the general model\'s common ones, not all 135,000', () => {
    expect(stream.info.model.lmWords).toBeGreaterThan(300);
    expect(stream.info.model.lmWords).toBeLessThan(5000);
    expect(stream.info.model.words).toBeGreaterThan(stream.info.model.lmWords);
    expect(stream.info.model.words).toBeLessThan(GENERAL_DEFAULTS.vocabulary + stream.info.model.lmWords + 1);
    expect(stream.info.loadMs).toBeLessThan(3000);
  });
});
