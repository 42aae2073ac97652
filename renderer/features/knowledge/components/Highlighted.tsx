import type { Snippet } from '@common/knowledge/engine';

/**
 * Snippet text with its matched ranges in <mark>. Ranges come from the engine as UTF-16 offsets; they
 * are clamped and ordered here so a bad range can never duplicate or drop text.
 */
export function Highlighted({ snippet }: { snippet: Pick<Snippet, 'text' | 'ranges'> }) {
  const { text } = snippet;
  const parts: React.ReactNode[] = [];
  let at = 0;
  const ranges = [...snippet.ranges].sort((a, b) => a[0] - b[0]);
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.max(start, Math.min(rawEnd, text.length));
    if (end === start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
