import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredKnowledgeArticle } from '../../../db/schema';
import type { SearchHit } from '@common/knowledge/engine';
import { useKnowledge } from '../knowledge-state';
import { recordOpenedResult } from '../feedback-service';
import { Highlighted } from './Highlighted';
import { KnowledgeStatusLine } from './KnowledgeStatusLine';
import { MarkdownBody } from './MarkdownBody';
import { SearchFeedbackExport } from './SearchFeedbackExport';
import './knowledge.css';

/** Ctrl+K (⌘K on macOS) from anywhere in the window, even while typing in another field. */
function useCtrlK(focus: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'k') return;
      event.preventDefault();
      focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focus]);
}

function ResultItem({ hit, onOpen }: { hit: SearchHit; onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <li>
      <button type="button" className="kb-result" onClick={onOpen}>
        <span className="kb-result__title">{hit.match.field === 'title' ? <Highlighted snippet={hit.match} /> : hit.title}</span>
        {hit.match.field === 'question' && (
          <span className="kb-result__question">
            {t('knowledge.matchedQuestion')}
            <Highlighted snippet={hit.match} />
          </span>
        )}
        {hit.excerpt && <span className="kb-result__excerpt"><Highlighted snippet={hit.excerpt} /></span>}
      </button>
    </li>
  );
}

/** Knowledge search: a searchbox (Ctrl+K), results as you type with highlights, and the article view. */
export function KnowledgePanel() {
  const { t } = useTranslation();
  const actions = useKnowledge((s) => s.actions);
  const articles = useKnowledge((s) => s.articles);
  const remoteHosts = useKnowledge((s) => s.remoteHosts);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [article, setArticle] = useState<StoredKnowledgeArticle | null>(null);
  const focus = useRef(() => {
    input.current?.focus();
    input.current?.select();
  }).current;
  useCtrlK(focus);

  // Results as you type; an answer to an older query (or a knowledge base that changed) never overwrites a newer one.
  useEffect(() => {
    if (!actions || query.trim() === '') {
      setHits([]);
      return;
    }
    let current = true;
    actions.search(query).then(
      (found) => current && setHits(found),
      () => current && setHits([]),
    );
    return () => {
      current = false;
    };
  }, [actions, query, articles]);

  // A result opened from a search (click or Enter): the query may be kept for KB authors (feedback-service.ts).
  const open = (hit: SearchHit, rank: number) => {
    void actions?.article(hit.id).then((opened) => {
      setArticle(opened);
      if (opened) recordOpenedResult(query, opened, rank);
    });
  };
  // Another feature (a suggestion card's Open) asked for an article.
  const requested = useKnowledge((s) => s.requested);
  useEffect(() => {
    if (requested) void actions?.article(requested.id).then(setArticle);
  }, [actions, requested]);

  return (
    <section className="kb" aria-labelledby="kb-heading">
      <h2 id="kb-heading">{t('knowledge.heading')}</h2>
      <input
        ref={input}
        type="search"
        className="kb-search"
        aria-label={t('knowledge.search')}
        placeholder={t('knowledge.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing && hits[0]) open(hits[0], 1);
        }}
      />
      <KnowledgeStatusLine />
      <SearchFeedbackExport />
      {query.trim() !== '' && (
        <ul className="kb-results" aria-label={t('knowledge.results')}>
          {hits.map((hit, index) => (
            <ResultItem key={hit.id} hit={hit} onOpen={() => open(hit, index + 1)} />
          ))}
        </ul>
      )}
      {query.trim() !== '' && actions && hits.length === 0 && <p className="kb-empty">{t('knowledge.noResults', { query })}</p>}
      {article && (
        <section className="kb-article" aria-label={t('knowledge.article')}>
          <h3>{article.title}</h3>
          <MarkdownBody markdown={article.body} remoteHosts={remoteHosts} />
          <button type="button" onClick={() => setArticle(null)}>{t('knowledge.close')}</button>
        </section>
      )}
    </section>
  );
}
