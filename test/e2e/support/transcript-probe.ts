/**
 * Watches the app's transcript log (role log, name "Transcript") from inside the page: every line as it
 * appears or changes (partial → final), with performance.now(), so specs and the bench can assert the order
 * and measure end of speech → final text in the DOM. End of speech comes from the app's own
 * 'lingxi:transcript:final' measures (the leg's last audible frame the tap posted → the final's arrival).
 */
import type { Page } from '@playwright/test';

/** One observed state of a transcript line. */
export interface SeenLine {
  leg: string;
  final: boolean;
  text: string;
  /** performance.now() when the DOM showed it. */
  at: number;
}

/** A customer or agent final shown, with its latency. */
export interface FinalLatency {
  leg: string;
  text: string;
  /** End of speech (last audible tapped frame) → final text in the log, ms. */
  domMs: number;
  /** End of speech → final result in the page (before rendering), ms. */
  pageMs: number;
}

declare global {
  interface Window {
    __transcriptProbe?: SeenLine[];
  }
}

/** Starts watching (call before the call is answered; the log appears with the call). */
export async function watchTranscript(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__transcriptProbe) return;
    const seen: SeenLine[] = [];
    window.__transcriptProbe = seen;
    const last = new WeakMap<Element, string>();
    // No named functions in here: tsx (the bench) would wrap them in a helper the page does not have.
    new MutationObserver(() => {
      const at = performance.now();
      for (const line of document.querySelectorAll('[role="log"][aria-label="Transcript"] [data-leg]')) {
        const final = line.getAttribute('data-final') === 'true';
        const text = line.textContent ?? '';
        const key = `${final}|${text}`;
        // A line's first final state is what the agent reads; later touches (highlights) are not new text.
        if (last.get(line) === key || last.get(line)?.startsWith('true|')) continue;
        last.set(line, key);
        seen.push({ leg: line.getAttribute('data-leg') ?? '', final, text, at });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Every line state seen so far. */
export function seenLines(page: Page): Promise<SeenLine[]> {
  return page.evaluate(() => window.__transcriptProbe ?? []);
}

/**
 * Latency of each final shown: matched to the app's measure that ended last before the DOM showed it.
 * Finals the app could not time (no audible frame before them) are left out.
 */
export function finalLatencies(page: Page): Promise<FinalLatency[]> {
  return page.evaluate(() => {
    const measures = performance.getEntriesByName('lingxi:transcript:final') as PerformanceMeasure[];
    const out: { leg: string; text: string; domMs: number; pageMs: number }[] = [];
    const used = new Set<PerformanceMeasure>();
    for (const line of (window.__transcriptProbe ?? []).filter((l) => l.final)) {
      const measure = measures
        .filter((m) => (m.detail as { leg?: string } | null)?.leg === line.leg && m.startTime + m.duration <= line.at + 0.5 && !used.has(m))
        .at(-1);
      if (!measure) continue;
      used.add(measure);
      out.push({ leg: line.leg, text: line.text, domMs: line.at - measure.startTime, pageMs: measure.duration });
    }
    return out;
  });
}
