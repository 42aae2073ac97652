/**
 * The caller simulator's bundled speech: one 16 kHz mono Ogg Vorbis file per scenario in assets/demo, rendered
 * by `npm run demo:speech` (render-speech.ts) and committed, so the demo needs no speech synthesiser.
 * `speech.json` beside them records the voice and text each file was rendered from: a scenario whose text
 * changed without rendering again has no file (the page offers the microphone for it) and a warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './scenarios';

/** What speech.json holds for one scenario. */
export interface RenderedSpeech {
  voice: Scenario['voice'];
  speech: string[];
}

export interface ScenarioSpeech {
  /** Scenario id → Ogg Vorbis file. */
  files: Map<string, string>;
  /** Why some scenario has no speech (stale or missing files). */
  unavailable?: string;
}

export const speechFile = (dir: string, id: string): string => join(dir, `${id}.ogg`);
export const manifestFile = (dir: string): string => join(dir, 'speech.json');

/** The scenarios whose bundled file was rendered from their current voice and text. */
export function bundledSpeech(scenarios: readonly Scenario[], dir: string): ScenarioSpeech {
  const manifest = existsSync(manifestFile(dir)) ? (JSON.parse(readFileSync(manifestFile(dir), 'utf8')) as Record<string, RenderedSpeech>) : {};
  const files = new Map<string, string>();
  const stale: string[] = [];
  for (const { id, voice, speech } of scenarios) {
    const rendered = manifest[id];
    const current = rendered && rendered.voice === voice && JSON.stringify(rendered.speech) === JSON.stringify(speech);
    if (current && existsSync(speechFile(dir, id))) files.set(id, speechFile(dir, id));
    else stale.push(id);
  }
  if (stale.length === 0) return { files };
  return { files, unavailable: `no bundled speech for ${stale.join(', ')} (its text changed): run \`npm run demo:speech\`, or use the microphone` };
}
