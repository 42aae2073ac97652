/**
 * The live cepstral mean a leg carries from call to call (issue 22 §1). libpocketsphinx has no getter for
 * it, so ffi.ts reads the decoder's cmn_t through a struct offset: this checks that offset against the one
 * value known before any audio, the acoustic model's -cmninit, and that a mean set is the mean read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPocketsphinx, type Pointer } from '@main/features/speech/pocketsphinx/ffi';
import { testEngineConfig } from '../../../../fixtures/speech/engine-config';

const config = testEngineConfig();
const api = loadPocketsphinx();
let decoder: Pointer;

beforeAll(async () => {
  const args = api.parseConfig(['-hmm', config.acousticModel, '-dict', config.dictionary, '-samprate', '16000']);
  if (args === null) throw new Error('pocketsphinx rejected the test arguments');
  const loaded = await api.init(args);
  api.freeConfig(args);
  if (loaded === null) throw new Error('pocketsphinx could not load the model');
  decoder = loaded;
}, 60_000);

afterAll(() => decoder && api.free(decoder));

describe('live cepstral mean access', () => {
  it("reads the acoustic model's -cmninit from a fresh decoder", () => {
    const params = readFileSync(join(config.acousticModel, 'feat.params'), 'utf8');
    const cmninit = /-cmninit\s+(\S+)/.exec(params)?.[1]?.split(',').map(Number) ?? [];
    expect(cmninit).toHaveLength(13);
    const mean = Array.from(api.getCmn(decoder));
    expect(mean).toHaveLength(13);
    mean.forEach((value, i) => expect(value).toBeCloseTo(cmninit[i] ?? Number.NaN, 4));
  });

  it('reads back the mean it set, and refuses one of the wrong length', () => {
    const prior = Float32Array.from({ length: 13 }, (_, i) => 30 - i * 1.5);
    api.setCmn(decoder, prior);
    expect(Array.from(api.getCmn(decoder))).toEqual(Array.from(prior));
    expect(() => api.setCmn(decoder, new Float32Array(12))).toThrow(/length 12 .* 13/);
  });
});
