/**
 * Knowledge suggestions that do not flicker: every search adds evidence to its articles (rank-weighted,
 * the IVR's X-Intent at half weight), evidence decays with a half-life, and the displayed order changes
 * only when an article clearly overtakes the one above it (hysteresis). Pure: the assist service feeds
 * it search hits with the call clock.
 */

/** A hit as the knowledge engine returns it (engine SearchHit, narrowed). */
export interface BoardHit {
  id: string;
  title: string;
  score: number;
  /** The key answer to show on the card: the body excerpt, else the matching line. */
  answer: string;
}

export interface SuggestionCard {
  id: string;
  title: string;
  answer: string;
  /** Decayed evidence now. */
  weight: number;
  /** Call-clock ms of the hit that first brought it up. */
  firstSeenMs: number;
}

export interface BoardOptions {
  /** Evidence halves every this many ms (default 45 s: a topic stays up for a few exchanges). */
  halfLifeMs?: number;
  /** Cards shown (default 3). */
  max?: number;
  /** Evidence below this is dropped (default 0.1). */
  minWeight?: number;
  /** An article moves above another only with this much more evidence (default 0.25 = 25 %). */
  hysteresis?: number;
}

interface Entry {
  card: Omit<SuggestionCard, 'weight'>;
  weight: number;
  atMs: number;
}

export class SuggestionBoard {
  private readonly entries = new Map<string, Entry>();
  /** The order last shown: the starting point of the next one. */
  private order: string[] = [];
  private readonly halfLifeMs: number;
  private readonly max: number;
  private readonly minWeight: number;
  private readonly hysteresis: number;

  constructor(options: BoardOptions = {}) {
    this.halfLifeMs = options.halfLifeMs ?? 45_000;
    this.max = options.max ?? 3;
    this.minWeight = options.minWeight ?? 0.1;
    this.hysteresis = options.hysteresis ?? 0.25;
  }

  /** Adds one search's hits (best first). `weight` scales the whole search (IVR intent: 0.5). */
  add(hits: readonly BoardHit[], atMs: number, weight = 1): void {
    hits.forEach((hit, rank) => {
      const evidence = weight * hit.score * (1 / (rank + 1));
      if (evidence <= 0) return;
      const entry = this.entries.get(hit.id);
      if (entry) {
        entry.weight = this.decayed(entry, atMs) + evidence;
        entry.atMs = atMs;
        entry.card = { ...entry.card, title: hit.title, answer: hit.answer };
      } else {
        this.entries.set(hit.id, { card: { id: hit.id, title: hit.title, answer: hit.answer, firstSeenMs: atMs }, weight: evidence, atMs });
      }
    });
  }

  /** The cards to show at `nowMs`, in a stable order. */
  cards(nowMs: number): SuggestionCard[] {
    const weights = new Map<string, number>();
    for (const [id, entry] of this.entries) {
      const weight = this.decayed(entry, nowMs);
      if (weight < this.minWeight) this.entries.delete(id);
      else weights.set(id, weight);
    }
    const weightOf = (id: string) => weights.get(id) ?? 0;
    const kept = this.order.filter((id) => weights.has(id));
    const fresh = [...weights.keys()].filter((id) => !kept.includes(id)).sort((a, b) => weightOf(b) - weightOf(a));
    const order = [...kept, ...fresh];
    // Bubble up only past a clear margin: small score wobbles never reorder the cards.
    for (let moved = true; moved; ) {
      moved = false;
      for (let i = 1; i < order.length; i++) {
        const [above, below] = [order[i - 1] ?? '', order[i] ?? ''];
        if (weightOf(below) > weightOf(above) * (1 + this.hysteresis)) {
          order[i - 1] = below;
          order[i] = above;
          moved = true;
        }
      }
    }
    this.order = order.slice(0, this.max);
    return this.order.map((id) => {
      const entry = this.entries.get(id);
      return { ...(entry?.card ?? { id, title: '', answer: '', firstSeenMs: nowMs }), weight: weightOf(id) };
    });
  }

  private decayed(entry: Entry, nowMs: number): number {
    return entry.weight * 0.5 ** (Math.max(0, nowMs - entry.atMs) / this.halfLifeMs);
  }
}
