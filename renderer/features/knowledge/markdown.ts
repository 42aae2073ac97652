/**
 * A small Markdown reader for article bodies, safe by construction: it produces plain data nodes that
 * components/MarkdownBody.tsx turns into React elements, never HTML strings. So raw HTML in a body
 * (`<script>`, `<img onerror=…>`) is shown as text, there is no attribute a body can set except a
 * checked link or image URL, and remote images show only from hosts the policy allows.
 *
 * Why not marked + DOMPurify: they would add ~70 kB and an innerHTML sink to keep safe; the bodies
 * need headings, paragraphs, lists, quotes, code, emphasis, links and images, which this covers.
 */

/** Inline content. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'image'; src: string; alt: string; allowed: boolean };

/** Block content. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

/** Only these URLs become links: nothing that runs script (javascript:, data:) or reaches into the app. */
export function safeLinkUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'mailto:' || url.protocol === 'tel:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an image may load: https from a host the policy lists (knowledge.remoteContentHosts). */
export function imageAllowed(raw: string, allowedHosts: readonly string[]): boolean {
  try {
    const url = new URL(raw.trim());
    const host = url.hostname.toLowerCase();
    return url.protocol === 'https:' && allowedHosts.some((h) => h.toLowerCase() === host);
  } catch {
    return false;
  }
}

// Longest-first alternatives: image, link, code, strong, em.
const INLINE = /!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\*([^*]+)\*|_([^_]+)_/g;

/** Parses one line (or a paragraph joined with spaces) into inline nodes. */
export function parseInline(text: string, allowedHosts: readonly string[]): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const [, alt, src, linkText, href, code, strong1, strong2, em1, em2] = m;
    if (src !== undefined) out.push({ kind: 'image', src, alt: alt ?? '', allowed: imageAllowed(src, allowedHosts) });
    else if (href !== undefined && linkText !== undefined) {
      const safe = safeLinkUrl(href);
      const children = parseInline(linkText, allowedHosts);
      out.push(...(safe ? [{ kind: 'link', href: safe, children } as const] : children));
    } else if (code !== undefined) out.push({ kind: 'code', text: code });
    else if ((strong1 ?? strong2) !== undefined) out.push({ kind: 'strong', children: parseInline(strong1 ?? strong2 ?? '', allowedHosts) });
    else out.push({ kind: 'em', children: parseInline(em1 ?? em2 ?? '', allowedHosts) });
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

const LIST_ITEM = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/;

/** Parses a Markdown body into blocks. */
export function parseMarkdown(markdown: string, allowedHosts: readonly string[] = []): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' '), allowedHosts) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const item = LIST_ITEM.exec(line);
    if (line.trim() === '') flush();
    else if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !/^\s*```/.test(lines[i] as string)) code.push(lines[i] as string);
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1] as string).length as 1, children: parseInline(heading[2] as string, allowedHosts) });
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      blocks.push({ kind: 'rule' });
    } else if (item) {
      flush();
      const ordered = /\d/.test(item[1] as string);
      const items: Inline[][] = [];
      // Consume items while the list kind stays the same; i ends on the list's last line.
      for (let m: RegExpExecArray | null = item; m && /\d/.test(m[1] as string) === ordered; m = LIST_ITEM.exec(lines[++i] ?? '')) {
        items.push(parseInline(m[2] as string, allowedHosts));
      }
      i--;
      blocks.push({ kind: 'list', ordered, items });
    } else if (/^\s*>/.test(line)) {
      flush();
      const quoted: string[] = [];
      for (; i < lines.length && /^\s*>/.test(lines[i] as string); i++) quoted.push((lines[i] as string).replace(/^\s*>\s?/, ''));
      i--;
      blocks.push({ kind: 'quote', children: parseInline(quoted.join(' '), allowedHosts) });
    } else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
