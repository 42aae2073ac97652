import { describe, expect, it } from 'vitest';
import { displayKey, loadWeights, MIN_WEIGHT, moveBoundary, saveWeights } from '@renderer/ui/layout/pane-sizes';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) } as Storage;
}

describe('pane sizes', () => {
  it('are kept per display: the laptop and the 1920×1080 monitor each keep their own', () => {
    const storage = memoryStorage();
    saveWeights(displayKey({ width: 1366, height: 768 }), [1.2, 1, 1.1], storage);
    expect(loadWeights(displayKey({ width: 1366, height: 768 }), [1, 1.1, 1.1], storage)).toEqual([1.2, 1, 1.1]);
    expect(loadWeights(displayKey({ width: 1920, height: 1080 }), [1, 1.1, 1.1], storage)).toEqual([1, 1.1, 1.1]);
  });

  it('fall back to the defaults when the stored entry is damaged, of another layout, or would hide a pane', () => {
    const storage = memoryStorage();
    for (const stored of ['{not json', '[1, 2]', '[1, 0.01, 1]', '"x"']) {
      storage.setItem('k', stored);
      expect(loadWeights('k', [1, 1.1, 1.1], storage)).toEqual([1, 1.1, 1.1]);
    }
  });

  it('move one boundary, keep the total, and never squeeze a pane below the minimum', () => {
    expect(moveBoundary([1, 1, 1], 0, 0.25)).toEqual([1.25, 0.75, 1]);
    const squeezed = moveBoundary([1, 1, 1], 1, 5);
    expect(squeezed).toEqual([1, 2 - MIN_WEIGHT, MIN_WEIGHT]);
    expect(squeezed.reduce((a, b) => a + b)).toBeCloseTo(3);
    expect(moveBoundary([1, 1], 3, 1)).toEqual([1, 1]);
  });
});
