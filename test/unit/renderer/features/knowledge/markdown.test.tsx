import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
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

describe('a long article', () => {
  it('renders a page at a time, with a "Show more" button until all of it shows', () => {
    const body = Array.from({ length: 600 }, (_, i) => `Step ${i} [fees](https://bank.example/${i})`).join('\n\n');
    const { container } = render(<MarkdownBody markdown={body} remoteHosts={[]} />);
    const links = () => container.querySelectorAll('a').length;
    const firstPage = links();
    expect(firstPage).toBeGreaterThan(100);
    expect(firstPage).toBeLessThan(600);
    expect(container.textContent).not.toContain('Step 599');
    let clicks = 0;
    for (; screen.queryByRole('button', { name: 'Show more' }) && clicks < 10; clicks++) {
      fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    }
    expect(clicks).toBeGreaterThan(0);
    expect(links()).toBe(600);
    expect(container.textContent).toContain('Step 599');
  }, 20_000); // happy-dom is slow at role queries over a few thousand elements

  it('cuts one enormous paragraph too, and shows no button for a short article', () => {
    const { container, unmount } = render(<MarkdownBody markdown={'['.repeat(200_000)} remoteHosts={[]} />);
    expect((container.textContent ?? '').length).toBeLessThan(200_000);
    expect(screen.getByRole('button', { name: 'Show more' })).toBeTruthy();
    unmount();
    render(<MarkdownBody markdown={'Short *answer*.'} remoteHosts={[]} />);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('parses the body once, not on every render of the panel', () => {
    const body = `# Fees\n\n${'text '.repeat(1000)}`;
    const spy = vi.spyOn(String.prototype, 'split');
    const { rerender } = render(<MarkdownBody markdown={body} remoteHosts={['img.bank.example']} />);
    const afterFirst = spy.mock.calls.length;
    for (let i = 0; i < 5; i++) rerender(<MarkdownBody markdown={body} remoteHosts={['img.bank.example']} />);
    expect(spy.mock.calls.length).toBe(afterFirst);
    spy.mockRestore();
  });
});
