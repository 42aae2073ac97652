/** Word accuracy, keyword spotting and WAV input: the measuring tools the figures and the CLI rest on. */
import { describe, expect, it } from 'vitest';
import { keywordMatcher } from '@main/features/speech/keywords';
import { parseWav } from '@main/features/speech/wav';
import { poolScores, scoreWords } from '@main/features/speech/word-accuracy';

function wav(rate: number, channels: number, bits: number, samples: number[]): Uint8Array {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(s, i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE((rate * channels * bits) / 8, 28);
  header.writeUInt16LE((channels * bits) / 8, 32);
  header.writeUInt16LE(bits, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

describe('scoreWords', () => {
  it('counts substitutions, deletions and insertions against the reference', () => {
    expect(scoreWords('i lost my credit card', 'i lost my card card today')).toEqual({ referenceWords: 5, substitutions: 1, deletions: 0, insertions: 1, accuracy: 0.6 });
    expect(scoreWords('i want to make a complaint', 'want to make complaint')).toMatchObject({ deletions: 2, accuracy: 1 - 2 / 6 });
  });

  it('treats spelling variants the recogniser may choose as the same words', () => {
    expect(scoreWords('there is a payment I did not make', "There's a payment i didn't make.").accuracy).toBe(1);
    expect(scoreWords('my limit is 50,000', 'my limit is fifty thousand').accuracy).toBe(1);
  });

  it('pools files as one corpus (errors over all reference words)', () => {
    expect(poolScores([scoreWords('a b c d', 'a b c d'), scoreWords('e f', 'e x')]).accuracy).toBeCloseTo(5 / 6);
  });
});

describe('keywordMatcher', () => {
  const words = ['i', 'want', 'to', 'make', 'a', 'complaint', 'about', 'my', 'card', 'number'].map((word, i) => ({ word, startMs: i * 100, endMs: i * 100 + 90 }));

  it('finds words and phrases in a final, with their times, named as the client wrote them', () => {
    expect(keywordMatcher(['Complaint', 'card number', 'regulator']).find(words)).toEqual([
      { keyword: 'Complaint', startMs: 500, endMs: 590 },
      { keyword: 'card number', startMs: 800, endMs: 990 },
    ]);
  });

  it('does not match part of a phrase', () => {
    expect(keywordMatcher(['card number', 'make a payment']).find(words.slice(0, 9))).toEqual([]);
  });
});

describe('parseWav', () => {
  it('reads 16 kHz 16-bit mono PCM', () => {
    const audio = parseWav(wav(16000, 1, 16, [0, 1000, -1000, 32767]));
    expect([...audio.samples]).toEqual([0, 1000, -1000, 32767]);
    expect(audio.durationMs).toBe(0.25);
  });

  it('says how to convert any other format', () => {
    expect(() => parseWav(wav(48000, 1, 16, [0]), 'call.wav')).toThrow('call.wav is 48000 Hz, 16-bit, 1 channel(s); the engine needs 16000 Hz 16-bit mono PCM: convert it with: sox in.wav -r 16000 -c 1 -b 16 -e signed-integer out.wav');
    expect(() => parseWav(new TextEncoder().encode('ID3 not a wav'), 'song.mp3')).toThrow('song.mp3 is not a WAV file');
  });
});
