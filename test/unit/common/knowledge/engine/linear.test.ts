import { describe, expect, it } from 'vitest';
import { linearScores, softmax, trainLinear, type Example, type TrainOptions } from '@common/knowledge/engine/linear';

// Four examples over five features: feature 0/1 mean class 0, 2/3 class 1, 4 is shared noise.
const EXAMPLES: Example[] = [
  { ids: Uint32Array.of(0, 4), values: Float32Array.of(0.8, 0.6), labels: [0] },
  { ids: Uint32Array.of(1, 4), values: Float32Array.of(0.8, 0.6), labels: [0] },
  { ids: Uint32Array.of(2, 4), values: Float32Array.of(0.8, 0.6), labels: [1] },
  { ids: Uint32Array.of(3, 4), values: Float32Array.of(0.8, 0.6), labels: [1] },
];

const predict = (options: TrainOptions, feature: number): Float64Array => {
  const model = trainLinear(EXAMPLES, 5, 2, options);
  const out = new Float64Array(2);
  linearScores(model, [[feature, 1]], out);
  softmax(out);
  return out;
};

describe('linear models', () => {
  for (const adaptive of [false, true]) {
    it(`learns which class a feature stands for (${adaptive ? 'Adagrad' : 'plain SGD'})`, () => {
      const options: TrainOptions = { loss: 'softmax', epochs: 10, rate: adaptive ? 0.3 : 1, seed: 7, adaptive, prune: 0 };
      expect(predict(options, 0)[0]).toBeGreaterThan(0.6);
      expect(predict(options, 3)[1]).toBeGreaterThan(0.6);
    });
  }

  it('trains the same model from the same examples and seed (persisted indexes stay reproducible)', () => {
    const options: TrainOptions = { loss: 'softmax', epochs: 5, rate: 1, seed: 3, adaptive: false, prune: 0.02 };
    const a = trainLinear(EXAMPLES, 5, 2, options);
    const b = trainLinear(EXAMPLES, 5, 2, options);
    expect(Array.from(a.weights.value)).toEqual(Array.from(b.weights.value));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });
});
