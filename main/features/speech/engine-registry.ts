/**
 * Picks and creates the engine for a stream's language. Engines are created on first use and kept; a
 * failed creation is not kept, so fixing the model (IT copies it into place) works without a restart.
 * Engines: pocketsphinx (pocketsphinx/) and sherpa-onnx (sherpa/, loaded lazily: without the
 * sherpa-onnx-node package the service still starts and reports `engine-unavailable` for its languages).
 */
import type { EngineConfig, SpeechServiceConfig } from './config';
import { SpeechEngineError, type SpeechEngine } from './engine';
import { PocketsphinxEngine } from './pocketsphinx/engine';
import { SherpaOnnxEngine } from './sherpa/engine';

/** Creates one engine from its configuration. */
export type EngineFactory = (config: EngineConfig, cacheDir: string) => Promise<SpeechEngine>;

/** Resolves languages to engines. */
export interface EngineRegistry {
  /**
   * The engine for a language: the first configured engine listing the exact tag, else the first listing
   * the same primary language (en-GB → an en-US engine).
   * @throws SpeechEngineError unsupported-language, model-missing, engine-unavailable or bad-config
   */
  engineFor(language: string): Promise<SpeechEngine>;
  dispose(): void;
}

/** The built-in engines. */
export const defaultEngineFactory: EngineFactory = (config, cacheDir) => {
  switch (config.engine) {
    case 'pocketsphinx':
      return PocketsphinxEngine.create(config, cacheDir);
    case 'sherpa-onnx':
      return SherpaOnnxEngine.create(config);
  }
};

/** Builds the registry for a service configuration. */
export function createEngineRegistry(config: SpeechServiceConfig, factory: EngineFactory = defaultEngineFactory): EngineRegistry {
  const engines = new Map<EngineConfig, Promise<SpeechEngine>>();
  const pick = (language: string): EngineConfig | undefined => {
    const primary = language.split('-')[0];
    return config.engines.find((e) => e.languages.includes(language)) ?? config.engines.find((e) => e.languages.some((l) => l.split('-')[0] === primary));
  };
  return {
    engineFor(language) {
      const chosen = pick(language);
      if (!chosen) {
        const known = config.engines.flatMap((e) => e.languages);
        return Promise.reject(new SpeechEngineError('unsupported-language', `no speech engine is configured for ${language} (configured: ${known.join(', ') || 'none'})`));
      }
      let engine = engines.get(chosen);
      if (!engine) {
        engine = factory(chosen, config.cacheDir);
        engines.set(chosen, engine);
        engine.catch(() => engines.delete(chosen));
      }
      return engine;
    },
    dispose() {
      for (const engine of engines.values()) engine.then((e) => e.dispose(), () => undefined);
      engines.clear();
    },
  };
}
