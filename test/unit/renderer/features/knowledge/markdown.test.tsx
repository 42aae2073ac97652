import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownBody } from '@renderer/features/knowledge/components/MarkdownBody';
import { imageAllowed, parseMarkdown, safeLinkUrl } from '@renderer/features/knowledge/markdown';

describe('article body sanitizing', () => {
  it('shows raw HTML as text: no script, no element with an event handler', () => {
    const body = '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> **bold** <a href="javascript:alert(3)" onclick="x()">x</a>';
    const { container } = render(<MarkdownBody markdown={body} remoteHosts={[]} />);
    expect(container.querySelector('script, img, iframe')).toBeNull();
    expect(container.querySelector('[onerror], [onclick]')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
  });

  it('links only https, mailto and tel; javascript: and data: URLs stay text', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeLinkUrl('http://bank.example/')).toBeUndefined();
    const { container } = render(<MarkdownBody markdown={'[ok](https://bank.example/fees) [evil](javascript:alert(1))'} remoteHosts={[]} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://bank.example/fees']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('evil');
  });

  it('loads no remote image unless the policy allows its host', () => {
    expect(imageAllowed('https://img.bank.example/a.png', ['img.bank.example'])).toBe(true);
    expect(imageAllowed('https://img.bank.example.evil.com/a.png', ['img.bank.example'])).toBe(false);
    expect(imageAllowed('http://img.bank.example/a.png', ['img.bank.example'])).toBe(false);
    const { container } = render(<MarkdownBody markdown={'![card](https://tracker.example/pixel.png)'} remoteHosts={['img.bank.example']} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('[image not shown: card]');
  });

  it('reads headings, lists, quotes, code and emphasis', () => {
    const blocks = parseMarkdown('# Steps\n1. Verify *identity*\n2. Freeze the `card`\n\n- a\n- b\n\n> Tell the customer\n\n```\nraw <b>\n```');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'list', 'list', 'quote', 'code']);
    expect(blocks[1]).toMatchObject({ ordered: true, items: [[{ text: 'Verify ' }, { kind: 'em' }], [{ text: 'Freeze the ' }, { kind: 'code', text: 'card' }]] });
    expect(blocks[4]).toEqual({ kind: 'code', text: 'raw <b>' });
  });
});
