/**
 * The caller simulator's bundled speech (assets/demo): one current file per scenario, small enough to
 * commit, really speech (not silence), and a scenario whose text changed without `npm run demo:speech`
 * is reported rather than played with the old words.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../../demo/caller/scenarios';
import { bundledSpeech, manifestFile } from '../../../demo/caller/speech';

const dir = join(__dirname, '../../../assets/demo');

/** Channels and sample rate from the Vorbis identification header, seconds from the last page's granule. */
function readOgg(file: string): { channels: number; rate: number; seconds: number } {
  const bytes = readFileSync(file);
  expect(bytes.toString('latin1', 0, 4)).toBe('OggS');
  const id = bytes.indexOf('\x01vorbis', 0, 'latin1');
  const channels = bytes.readUInt8(id + 11);
  const rate = bytes.readUInt32LE(id + 12);
  const lastPage = bytes.lastIndexOf('OggS', undefined, 'latin1');
  return { channels, rate, seconds: Number(bytes.readBigUInt64LE(lastPage + 6)) / rate };
}

/** Peak level (0–1) of a time range, decoded by sox (the test bed has it). */
function peak(file: string, from: number, seconds: number): number {
  const stat = spawnSync('sox', [file, '-n', 'trim', String(from), String(seconds), 'stat'], { encoding: 'utf8' }).stderr;
  const max = /Maximum amplitude:\s+([\d.]+)/.exec(stat)?.[1];
  if (max === undefined) throw new Error(`sox stat failed on ${file}: ${stat}`);
  return Number(max);
}

describe('the caller simulator’s bundled speech', () => {
  it('has a file rendered from the current voice and text for every scenario', () => {
    const speech = bundledSpeech(scenarios, dir);
    expect(speech.unavailable).toBeUndefined();
    expect([...speech.files.keys()]).toEqual(scenarios.map((s) => s.id));
  });

  it('is 16 kHz mono speech, a few seconds a sentence, under 1.5 MB for the whole set', () => {
    let total = 0;
    for (const scenario of scenarios) {
      const file = join(dir, `${scenario.id}.ogg`);
      total += statSync(file).size;
      const ogg = readOgg(file);
      expect({ rate: ogg.rate, channels: ogg.channels }).toEqual({ rate: 16000, channels: 1 });
      expect(ogg.seconds, `${scenario.id}: seconds`).toBeGreaterThan(1 + 2 * scenario.speech.length);
      // Quiet during the 1 s lead-in, loud after it (normalised to −3 dBFS).
      expect(peak(file, 0, 0.9), `${scenario.id}: lead-in peak`).toBeLessThan(0.01);
      expect(peak(file, 1, ogg.seconds - 1), `${scenario.id}: speech peak`).toBeGreaterThan(0.5);
    }
    expect(total).toBeLessThan(1.5e6);
  });

  it('reports a scenario whose text changed since it was rendered, and serves the others', () => {
    const copy = mkdtempSync(join(tmpdir(), 'lingxi-speech-'));
    cpSync(dir, copy, { recursive: true });
    const changed = scenarios.map((s) => (s.id === 'lost-card' ? { ...s, speech: [...s.speech, 'and my phone'] } : s));
    const speech = bundledSpeech(changed, copy);
    expect(speech.files.has('lost-card')).toBe(false);
    expect(speech.files.has('annual-fee')).toBe(true);
    expect(speech.unavailable).toMatch(/lost-card.*npm run demo:speech/);
    writeFileSync(manifestFile(copy), '{}');
    expect(bundledSpeech(scenarios, copy).files.size).toBe(0);
  });
});
