import { useTranslation } from 'react-i18next';
import type { SuggestionCard } from '../suggestion-board';

/** Knowledge cards for what the customer is asking: title, the key answer, and Open (in the knowledge panel). */
export function Suggestions({ cards, onOpenArticle }: { cards: SuggestionCard[]; onOpenArticle(articleId: string): void }) {
  const { t } = useTranslation();
  return (
    <ul aria-label={t('assist.suggestions')} className="assist__suggestions" data-testid="suggestions">
      {cards.length === 0 && <li className="assist__empty">{t('assist.noSuggestions')}</li>}
      {cards.map((card) => (
        <li key={card.id} className="assist__card" data-article-id={card.id}>
          <strong className="assist__card-title">{card.title}</strong>
          {card.answer && <p className="assist__card-answer">{card.answer}</p>}
          <button type="button" aria-label={t('assist.openArticle', { title: card.title })} onClick={() => onOpenArticle(card.id)}>
            {t('assist.open')}
          </button>
        </li>
      ))}
    </ul>
  );
}
