/** The knowledge engine's public API. */
export { KnowledgeEngine } from './engine';
export { DEFAULT_CONFIG } from './config';
export { INDEX_VERSION, type IndexData } from './build';
export { encodeIndex, decodeIndex } from './serialize';
export { toStoredIndex, fromStoredIndex } from './stored';
export { PartialIndex, type ReadRange } from './partial';
export { fold } from './fold';
export { analyze, terms } from './tokenize';
export type { EngineArticle, EngineConfig, SearchHit, SearchOptions, Snippet } from './types';
