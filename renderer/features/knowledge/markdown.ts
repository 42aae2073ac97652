/**
 * A small Markdown reader for article bodies, safe by construction: it produces plain data nodes that
 * components/MarkdownBody.tsx turns into React elements, never HTML strings. So raw HTML in a body
 * (`<script>`, `<img onerror=…>`) is shown as text, there is no attribute a body can set except a
 * checked link or image URL, and remote images show only from hosts the policy allows.
 *
 * Why not marked + DOMPurify: they would add ~70 kB and an innerHTML sink to keep safe; the bodies
 * need headings, paragraphs, lists, quotes, code, emphasis, links and images, which this covers.
 * Why not markdown-it (html off, tokens only, no render()): it is linear too, but measured 0.3–1.5 s on
 * 200 KB of unclosed `[`, `**a` or `[` per line, against tens of milliseconds here, and adds seven packages.
 * Every step here is linear in the body's length: an article is data from a package or a sync server,
 * and it is parsed on the thread that also runs the softphone.
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

const BANG = 0x21, OPEN = 0x5b, CLOSE = 0x5d, PAREN_OPEN = 0x28, PAREN_CLOSE = 0x29, TICK = 0x60, STAR = 0x2a, UNDER = 0x5f;
const WHITE_SPACE = /\s/;
const isSpace = (code: number) => (code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : WHITE_SPACE.test(String.fromCharCode(code)));
// What `.` in a regular expression does not match: a strong span never crosses one.
const isLineBreak = (code: number) => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/**
 * One paragraph's text and, for each delimiter, where its next occurrence is: every "does this `[` close?"
 * question is then one array read, so parsing stays linear however many openers never close. (A regular
 * expression with `[^\]]+\]` rescans to the end of the text from every unclosed `[`: 200,000 of them took
 * 49 seconds on the renderer thread that also answers SIP.)
 */
interface Scan {
  text: string;
  hosts: readonly string[];
  closeBracket: Int32Array;
  /** The end of a link destination: `)` or white space. */
  destinationEnd: Int32Array;
  tick: Int32Array;
  star: Int32Array;
  under: Int32Array;
  doubleStar: Int32Array;
  doubleUnder: Int32Array;
  lineBreak: Int32Array;
}

/** Builds every next-occurrence table in one pass from the end. */
function scan(text: string, hosts: readonly string[]): Scan {
  const n = text.length;
  const tables = Array.from({ length: 8 }, () => new Int32Array(n + 2).fill(n));
  const [closeBracket, destinationEnd, tick, star, under, doubleStar, doubleUnder, lineBreak] = tables as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  for (let i = n - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    const after = i + 1;
    closeBracket[i] = c === CLOSE ? i : (closeBracket[after] as number);
    destinationEnd[i] = c === PAREN_CLOSE || isSpace(c) ? i : (destinationEnd[after] as number);
    tick[i] = c === TICK ? i : (tick[after] as number);
    star[i] = c === STAR ? i : (star[after] as number);
    under[i] = c === UNDER ? i : (under[after] as number);
    doubleStar[i] = c === STAR && text.charCodeAt(after) === STAR ? i : (doubleStar[after] as number);
    doubleUnder[i] = c === UNDER && text.charCodeAt(after) === UNDER ? i : (doubleUnder[after] as number);
    lineBreak[i] = isLineBreak(c) ? i : (lineBreak[after] as number);
  }
  return { text, hosts, closeBracket, destinationEnd, tick, star, under, doubleStar, doubleUnder, lineBreak };
}

/**
 * `[label](destination)` starting with `[` at `open`: the index of `]` and of `)`, or undefined. The label
 * may be empty only for images (`allowEmpty`), the destination has no space and is never empty.
 */
function bracketed(s: Scan, open: number, end: number, allowEmpty: boolean): [number, number] | undefined {
  const close = s.closeBracket[open + 1] as number;
  if (close + 1 >= end || (!allowEmpty && close === open + 1) || s.text.charCodeAt(close + 1) !== PAREN_OPEN) return undefined;
  const paren = s.destinationEnd[close + 2] as number;
  return paren < end && paren > close + 2 && s.text.charCodeAt(paren) === PAREN_CLOSE ? [close, paren] : undefined;
}

/** A span closed by the next `closer` (a next-occurrence table) with at least one character inside. */
function closedBy(closer: Int32Array, from: number, end: number, width: number): number | undefined {
  const at = closer[from + 1] as number;
  return at + width <= end ? at : undefined;
}

/**
 * Inline nodes of text[start, end). At each position the first of these that fits wins, as with the
 * alternation `![alt](src) | [text](href) | `code` | **strong** | __strong__ | *em* | _em_`; nested spans
 * are parsed within their own range, and delimiters of one kind never nest in themselves, so depth is small.
 */
function inlineRange(s: Scan, start: number, end: number): Inline[] {
  const { text } = s;
  const out: Inline[] = [];
  let last = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    let node: Inline | Inline[] | undefined;
    let next = i + 1;
    if (c === BANG && i + 1 < end && text.charCodeAt(i + 1) === OPEN) {
      const image = bracketed(s, i + 1, end, true);
      if (image) {
        const src = text.slice(image[0] + 2, image[1]);
        node = { kind: 'image', src, alt: text.slice(i + 2, image[0]), allowed: imageAllowed(src, s.hosts) };
        next = image[1] + 1;
      }
    } else if (c === OPEN) {
      const link = bracketed(s, i, end, false);
      if (link) {
        const safe = safeLinkUrl(text.slice(link[0] + 2, link[1]));
        const children = inlineRange(s, i + 1, link[0]);
        node = safe ? { kind: 'link', href: safe, children } : children;
        next = link[1] + 1;
      }
    } else if (c === TICK) {
      const close = closedBy(s.tick, i, end, 1);
      if (close !== undefined && close > i + 1) {
        node = { kind: 'code', text: text.slice(i + 1, close) };
        next = close + 1;
      }
    } else if (c === STAR || c === UNDER) {
      // **x**: the first closing pair after at least one character, on the same line.
      const strong = i + 1 < end && text.charCodeAt(i + 1) === c ? closedBy(c === STAR ? s.doubleStar : s.doubleUnder, i + 2, end, 2) : undefined;
      // *x*: no delimiter of its kind inside.
      const em = closedBy(c === STAR ? s.star : s.under, i, end, 1);
      if (strong !== undefined && (s.lineBreak[i + 2] as number) >= strong) {
        node = { kind: 'strong', children: inlineRange(s, i + 2, strong) };
        next = strong + 2;
      } else if (em !== undefined && em > i + 1) {
        node = { kind: 'em', children: inlineRange(s, i + 1, em) };
        next = em + 1;
      }
    }
    if (node) {
      if (i > last) out.push({ kind: 'text', text: text.slice(last, i) });
      if (Array.isArray(node)) for (const child of node) out.push(child);
      else out.push(node);
      last = next;
    }
    i = next;
  }
  if (last < end) out.push({ kind: 'text', text: text.slice(last, end) });
  return out;
}

/** Parses one line (or a paragraph joined with spaces) into inline nodes, in time linear in its length. */
export function parseInline(text: string, allowedHosts: readonly string[]): Inline[] {
  return inlineRange(scan(text, allowedHosts), 0, text.length);
}

/**
 * A heading's text without its optional closing `#`s. Done by hand: `(.*?)\s*#*\s*$` retries the `#` run
 * from every position, which is quadratic on a heading of many `#`s.
 */
function headingText(rest: string): string {
  let end = rest.trimEnd().length;
  while (end > 0 && rest.charCodeAt(end - 1) === 0x23) end--;
  return rest.slice(0, end).trimEnd();
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
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = LIST_ITEM.exec(line);
    if (line.trim() === '') flush();
    else if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !/^\s*```/.test(lines[i] as string)) code.push(lines[i] as string);
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1] as string).length as 1, children: parseInline(headingText(heading[2] as string), allowedHosts) });
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
