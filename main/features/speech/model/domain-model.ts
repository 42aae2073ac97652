/**
 * The domain model: a dictionary cut down to the corpus's words and a trigram language model over the
 * corpus. pocketsphinx loads the full US-English dictionary (135,000 words) in seconds on a slow disk;
 * a few hundred words load in milliseconds, and the small LM makes the bank's phrases likely.
 *
 * Built files are cached by content hash (<cacheDir>/<hash>/), so a restart or a second stream with the
 * same corpus loads without rebuilding, and a changed knowledge base gets a new model automatically.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildArpa, type ArpaStats } from './arpa';
import { formatDictionary, lookupPronunciations } from './cmudict';

/** Bump when the builder's output changes for the same input. */
const BUILDER_VERSION = 'domain-model/2';
/**
 * Models kept in the cache. Streams with their own hints get their own model, so without a bound the cache
 * would grow by one folder per distinct hint list; the least recently used beyond this are deleted.
 */
export const MAX_CACHED_MODELS = 16;

/** Inputs of one build. */
export interface DomainModelInput {
  /** The full pronouncing dictionary to cut from (pocketsphinx's cmudict-en-us.dict). */
  dictionaryPath: string;
  /** Corpus sentences (buildCorpus output). */
  sentences: readonly (readonly string[])[];
  /** Where built models are kept. */
  cacheDir: string;
  /**
   * Words the dictionary holds besides the corpus's (the general model's common vocabulary, issue 22 §2):
   * recognisable through the general language model the decoder interpolates with, not in the domain one.
   */
  extraWords?: readonly string[];
}

/** A model ready for the decoder. */
export interface DomainModel {
  /** Content hash of the inputs; also the cache folder's name. */
  key: string;
  dictPath: string;
  lmPath: string;
  /** Words in the dictionary (the corpus's and the extra words). */
  words: number;
  /** Words in the domain language model (the corpus's, without the sentence markers). */
  lmWords: number;
  /** Corpus words the full dictionary does not know (left out of the model), sorted. */
  oov: string[];
  stats: ArpaStats;
  /** False when the cache already had it. */
  built: boolean;
  /** Time to build or to find it in the cache, ms. */
  ms: number;
}

interface Meta {
  words: number;
  lmWords: number;
  oov: string[];
  stats: ArpaStats;
}

async function modelKey(input: DomainModelInput): Promise<string> {
  const dict = await stat(input.dictionaryPath);
  const hash = createHash('sha256');
  hash.update(`${BUILDER_VERSION}\n${input.dictionaryPath}\n${dict.size}\n${dict.mtimeMs}\n`);
  for (const sentence of input.sentences) hash.update(`${sentence.join(' ')}\n`);
  hash.update(`extra ${(input.extraWords ?? []).join(' ')}\n`);
  return hash.digest('hex').slice(0, 24);
}

/**
 * Returns the cached model for these inputs, building it first if needed.
 * @throws Error when the dictionary cannot be read or the corpus has no known word
 */
export async function ensureDomainModel(input: DomainModelInput): Promise<DomainModel> {
  const started = performance.now();
  if (!existsSync(input.dictionaryPath)) throw new Error(`pronouncing dictionary not found: ${input.dictionaryPath}`);
  const key = await modelKey(input);
  const dir = join(input.cacheDir, key);
  const dictPath = join(dir, 'domain.dict');
  const lmPath = join(dir, 'domain.lm');
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath)) {
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Meta;
    // The folder's modification time is its last use, for the eviction below; a failed touch only makes
    // this model an earlier candidate for eviction, never a reason to fail the stream.
    const now = new Date();
    await utimes(dir, now, now).catch(() => undefined);
    return { key, dictPath, lmPath, ...meta, built: false, ms: performance.now() - started };
  }

  const wanted = new Set<string>();
  for (const sentence of input.sentences) for (const word of sentence) wanted.add(word);
  const pronunciations = await lookupPronunciations(input.dictionaryPath, new Set([...wanted, ...(input.extraWords ?? [])]));
  const vocabulary = new Set([...wanted].filter((w) => pronunciations.has(w)));
  const { arpa, stats } = buildArpa(input.sentences, vocabulary);
  const meta: Meta = { words: pronunciations.size, lmWords: vocabulary.size, oov: [...wanted].filter((w) => !vocabulary.has(w)).sort(), stats };

  // Build beside the final folder and rename, so a reader never sees half a model (two streams may build
  // the same model at once; the first rename wins and the other copy is dropped).
  const building = `${dir}.building-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(building, { recursive: true });
  try {
    await writeFile(join(building, 'domain.dict'), formatDictionary(pronunciations));
    await writeFile(join(building, 'domain.lm'), arpa);
    await writeFile(join(building, 'meta.json'), `${JSON.stringify(meta)}\n`);
    try {
      await rename(building, dir);
    } catch (error) {
      if (!existsSync(metaPath)) throw error;
    }
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  await evictOldModels(input.cacheDir, key);
  return { key, dictPath, lmPath, ...meta, built: true, ms: performance.now() - started };
}

/** Deletes the least recently used models beyond MAX_CACHED_MODELS (never `keep`, the one just built). */
async function evictOldModels(cacheDir: string, keep: string): Promise<void> {
  const entries = await readdir(cacheDir, { withFileTypes: true }).catch(() => []);
  const models: { name: string; used: number }[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !/^[0-9a-f]{24}$/.test(entry.name) || entry.name === keep) continue;
    const info = await stat(join(cacheDir, entry.name)).catch(() => null);
    if (info) models.push({ name: entry.name, used: info.mtimeMs });
  }
  models.sort((a, b) => b.used - a.used);
  // A decoder already loaded keeps working if its files go: pocketsphinx reads them only at load.
  for (const old of models.slice(MAX_CACHED_MODELS - 1)) await rm(join(cacheDir, old.name), { recursive: true, force: true });
}
