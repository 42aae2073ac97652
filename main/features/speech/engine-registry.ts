/**
 * Picks and creates the engine for a stream's language. Engines are created on first use and kept; a
 * failed creation is not kept, so fixing the model (IT copies it into place) works without a restart.
 *
 * sherpa-onnx: the registry checks the configured model folder and reports `model-missing` when it is
 * absent; with a model present it reports `engine-unavailable`, because this version does not bundle
 * sherpa-onnx-node. README.md ("Plugging in sherpa-onnx") says how an engine plugs in here.
 */
import { existsSync, statSync } from 'node:fs';
import type { EngineConfig, SherpaOnnxConfig, SpeechServiceConfig } from './config';
import { SpeechEngineError, type SpeechEngine } from './engine';
import { PocketsphinxEngine } from './pocketsphinx/engine';

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

function sherpaOnnx(config: SherpaOnnxConfig): Promise<SpeechEngine> {
  if (!existsSync(config.modelDir)) {
    return Promise.reject(
      new SpeechEngineError('model-missing', `sherpa-onnx model folder not found: ${config.modelDir} (for ${config.languages.join(', ')}); IT sets this path in the policy`),
    );
  }
  if (!statSync(config.modelDir).isDirectory()) {
    return Promise.reject(new SpeechEngineError('model-missing', `sherpa-onnx model must be a folder, got a file: ${config.modelDir}`));
  }
  return Promise.reject(
    new SpeechEngineError('engine-unavailable', `the sherpa-onnx engine is not included in this version of Lingxi (model folder ${config.modelDir} is in place); use the bank ASR server for ${config.languages.join(', ')}`),
  );
}

/** The built-in engines. */
export const defaultEngineFactory: EngineFactory = (config, cacheDir) => {
  switch (config.engine) {
    case 'pocketsphinx':
      return PocketsphinxEngine.create(config, cacheDir);
    case 'sherpa-onnx':
      return sherpaOnnx(config);
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
