/**
 * The in-memory search model: the persisted IndexData plus the lookups a query needs (term → id by
 * binary search over the packed vocabulary; classifier feature → id, a map built on first use).
 * Loading does no work proportional to the vocabulary.
 */
import type { IndexData } from './build';
import { TermDictionary } from './dictionary';

/** Everything the ranker needs; the arrays are IndexData's own, not copies. */
export class SearchModel {
  readonly terms: TermDictionary;
  private featureMap: Map<string, number> | undefined;

  constructor(readonly data: IndexData) {
    this.terms = new TermDictionary(data.terms);
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
