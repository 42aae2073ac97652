/**
 * The in-memory search model: the persisted IndexData plus the lookup maps a query needs
 * (term → id, classifier feature → id). Building the maps is the only work loading does.
 */
import type { IndexData } from './build';

/** Everything the ranker needs; the arrays are IndexData's own, not copies. */
export class SearchModel {
  readonly termIds = new Map<string, number>();
  private featureMap: Map<string, number> | undefined;

  constructor(readonly data: IndexData) {
    const { terms } = data;
    for (let i = 0; i < terms.length; i++) this.termIds.set(terms[i] as string, i);
  }

  /** Classifier feature → id, built on the first query (the classifier has many more features). */
  get featureIds(): Map<string, number> {
    if (!this.featureMap) {
      this.featureMap = new Map();
      const features = this.data.classifier?.features ?? [];
      for (let i = 0; i < features.length; i++) this.featureMap.set(features[i] as string, i);
    }
    return this.featureMap;
  }
}
