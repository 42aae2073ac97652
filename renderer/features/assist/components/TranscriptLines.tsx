import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptLine } from '../assist-session';
import { formatDuration } from '../../../ui/format';

/**
 * Both legs as they speak: a log (new lines announced politely), partial lines in grey until final.
 * @param placeholder what the empty log says ("Listening…", or that there will be no transcript)
 */
export function TranscriptLines({ lines, placeholder }: { lines: TranscriptLine[]; placeholder: string }) {
  const { t } = useTranslation();
  const end = useRef<HTMLLIElement>(null);
  // A block body: Chromium's scrollIntoView returns a Promise, which React would take for a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [lines.length]);
  return (
    // The log is a box around the list: an <ol> with role=log would leave its items without a list.
    <div role="log" aria-label={t('assist.transcript')} className="assist__transcript">
      <ol>
      {lines.length === 0 && <li className="assist__listening">{placeholder}</li>}
      {lines.map((line) => (
        <li key={line.id} className={`assist__line assist__line--${line.leg}${line.final ? '' : ' assist__line--partial'}`} data-leg={line.leg} data-final={line.final}>
          <time className="assist__time">{formatDuration(line.startMs)}</time>{' '}
          <span className="assist__speaker">{t(`assist.${line.leg}`)}:</span> <Marked text={line.text} highlights={line.highlights} />
        </li>
      ))}
      <li ref={end} aria-hidden="true" className="assist__end" />
      </ol>
    </div>
  );
}

/** The text with the keyword-rule matches marked. */
function Marked({ text, highlights }: Pick<TranscriptLine, 'text' | 'highlights'>) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const { start, end, kind } of [...highlights].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    parts.push(text.slice(at, start), <mark key={start} className={`assist__mark assist__mark--${kind}`}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <span className="assist__text">{parts}</span>;
}
