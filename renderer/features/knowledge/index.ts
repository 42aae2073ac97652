/** The knowledge feature's public surface: what the app and higher features may import. */
export { KnowledgePanel } from './components/KnowledgePanel';
export { abandonKnowledge, prestartKnowledge, startKnowledge } from './knowledge-service';
export { knowledgeQueries, openArticle } from './knowledge-state';
export type { KnowledgeActions } from './knowledge-state';
