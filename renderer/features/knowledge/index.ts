/** The knowledge feature's public surface: what the app and higher features may import. */
export { KnowledgePanel } from './components/KnowledgePanel';
export { startKnowledge } from './knowledge-service';
export { openArticle, useKnowledge } from './knowledge-state';
