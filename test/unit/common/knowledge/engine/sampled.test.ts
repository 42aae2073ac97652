import { describe, expect, it } from 'vitest';
import { linearScores, softmax } from '@common/knowledge/engine/linear';
import { nearestGroups, trainSampled, type GroupedExample } from '@common/knowledge/engine/sampled';

// Four groups (one output each): 0 and 1 share feature 10, 2 and 3 share feature 11; each has its own feature g.
const ex = (group: number, own: number, shared: number): GroupedExample => ({
  ids: Uint32Array.of(own, shared),
  values: Float32Array.of(0.8, 0.6),
  labels: [group],
  group,
});
const EXAMPLES = [0, 1, 2, 3].flatMap((g) => [ex(g, g, g < 2 ? 10 : 11), ex(g, g + 4, g < 2 ? 10 : 11)]);
const OPTIONS = { loss: 'softmax', epochs: 10, rate: 1, adaptive: false, prune: 0.02, seed: 7, bits: 8 } as const;

describe('sampled training', () => {
  it('finds the groups that share distinctive features as nearest', () => {
    const near = nearestGroups(EXAMPLES, 4, 1, { maxShare: 1 });
    expect(near).toEqual([[1], [0], [3], [2]]);
  });

  it('learns to tell a group from its candidates, and keeps weights only for features its examples saw', () => {
    const candidates = [Uint32Array.of(0, 1), Uint32Array.of(1, 0), Uint32Array.of(2, 3), Uint32Array.of(3, 2)];
    const model = trainSampled(EXAMPLES, 12, 4, candidates, OPTIONS);
    const out = new Float64Array(4);
    linearScores(model, [[5, 1], [10, 1]], out);
    softmax(out);
    expect(out.indexOf(Math.max(...out))).toBe(1);
    // Features 0 and 6 are groups 0's and 2's own: only their own output keeps a weight on them.
    const { start, row } = model.weights;
    const outputsOf = (f: number) => Array.from(row.subarray(start[f], start[f + 1]));
    expect(outputsOf(0)).toEqual([0]);
    expect(outputsOf(6)).toEqual([2]);
  });

  it("with reads, keeps a neighbour's weights on the group's features (what tells them apart)", () => {
    const candidates = [Uint32Array.of(0, 1), Uint32Array.of(1, 0), Uint32Array.of(2, 3), Uint32Array.of(3, 2)];
    const model = trainSampled(EXAMPLES, 12, 4, candidates, OPTIONS, [[1], [0], [3], [2]]);
    const { start, row, value } = model.weights;
    const at = Array.from(row.subarray(start[0], start[1])).indexOf(1);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(value[(start[0] as number) + at]).toBeLessThan(0);
  });

  it('trains the same model from the same examples and seed', () => {
    const candidates = [Uint32Array.of(0, 1, 2), Uint32Array.of(1, 0, 3), Uint32Array.of(2, 3, 0), Uint32Array.of(3, 2, 1)];
    const a = trainSampled(EXAMPLES, 12, 4, candidates, { ...OPTIONS, adaptive: true });
    const b = trainSampled(EXAMPLES, 12, 4, candidates, { ...OPTIONS, adaptive: true });
    expect(Array.from(a.weights.value)).toEqual(Array.from(b.weights.value));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });
});
