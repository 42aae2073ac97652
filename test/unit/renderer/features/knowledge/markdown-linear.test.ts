import { describe, expect, it } from 'vitest';
import { imageAllowed, parseInline, parseMarkdown, safeLinkUrl, type Inline } from '@renderer/features/knowledge/markdown';

/** The regular expression the inline reader used to be: the meaning to keep, on inputs short enough for it. */
const OLD_INLINE = /!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\*([^*]+)\*|_([^_]+)_/g;
function oldParseInline(text: string, hosts: readonly string[]): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(OLD_INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const [, alt, src, linkText, href, code, strong1, strong2, em1, em2] = m;
    if (src !== undefined) out.push({ kind: 'image', src, alt: alt ?? '', allowed: imageAllowed(src, hosts) });
    else if (href !== undefined && linkText !== undefined) {
      const safe = safeLinkUrl(href);
      const children = oldParseInline(linkText, hosts);
      out.push(...(safe ? [{ kind: 'link', href: safe, children } as const] : children));
    } else if (code !== undefined) out.push({ kind: 'code', text: code });
    else if ((strong1 ?? strong2) !== undefined) out.push({ kind: 'strong', children: oldParseInline(strong1 ?? strong2 ?? '', hosts) });
    else out.push({ kind: 'em', children: oldParseInline(em1 ?? em2 ?? '', hosts) });
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * CPU milliseconds `run` takes. CPU time, not wall time: several test runs share this machine's cores, and the
 * bound is about the algorithm (the old reader spent 49 s of CPU on 200 KB of `[`), not about the neighbours.
 */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('article Markdown parsing time', () => {
  // 200 KB of each shape that made the old reader rescan the rest of the text from every opener.
  const pathological: Record<string, string> = {
    'unclosed [': '['.repeat(200_000),
    'unclosed [a](': '[a]('.repeat(50_000),
    'unclosed ![': '!['.repeat(100_000),
    'unclosed ![a](': '![a]('.repeat(40_000),
    '*': '*'.repeat(200_000),
    '_': '_'.repeat(200_000),
    'backticks': '`'.repeat(200_000),
    'a*': 'a*'.repeat(100_000),
    '**a': '**a'.repeat(66_666),
    '__a': '__a'.repeat(66_666),
    '[ on every line': '[\n'.repeat(100_000),
    'heading of #s': `# ${'#'.repeat(200_000)}x`,
  };

  for (const [name, body] of Object.entries(pathological)) {
    // The bound tells linear from quadratic (the old reader: 49 s of CPU), not fast from slow: 1 s, since the
    // renderer tests share a worker's heap (isolate: false) and a garbage collection lands in the figure.
    it(`reads 200 KB of ${name} in under 1 s of CPU`, () => {
      expect(body.length).toBeGreaterThanOrEqual(199_998);
      parseMarkdown(body.slice(0, 20_000)); // warm the JIT so the bound measures the algorithm, not compilation
      expect(cpuMs(() => parseMarkdown(body))).toBeLessThan(1000);
    });
  }

  it('means what the old reader meant on short inputs', () => {
    const next = random(7);
    const alphabet = ['[', ']', '(', ')', '!', '*', '_', '`', 'a', ' ', 'https://x.example/', '\u2028'];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = Math.floor(next() * 14);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(parseInline(text, ['x.example']), JSON.stringify(text)).toEqual(oldParseInline(text, ['x.example']));
    }
  });

  it('strips a heading’s closing #s as before', () => {
    expect(parseMarkdown('# Fees ##  \n## C#\n### ###')).toEqual([
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: 'Fees' }] },
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: 'C' }] },
      { kind: 'heading', level: 3, children: [] },
    ]);
  });
});
