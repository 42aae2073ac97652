import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMarkdown, type Block, type Inline } from '../markdown';
import { firstPart } from '../markdown-limit';

/**
 * An allowed remote image, fetched and shown from a blob: URL. The CSP lets images load only from the
 * app and blob:, so no host the policy does not allow can be reached by an article, whatever it says.
 */
function RemoteImage({ src, alt }: { src: string; alt: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    const controller = new AbortController();
    fetch(src, { signal: controller.signal, credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then((response) => (response.ok ? response.blob() : undefined))
      .then((blob) => {
        if (blob?.type.startsWith('image/')) setUrl((objectUrl = URL.createObjectURL(blob)));
      })
      // Aborted on unmount, or the host is unreachable: the alt text stays, as for any broken image.
      .catch(() => undefined);
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src]);
  return url ? <img src={url} alt={alt} /> : <span>{alt}</span>;
}

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  const { t } = useTranslation();
  return (
    <>
      {nodes.map((node, i): ReactNode => {
        switch (node.kind) {
          case 'text':
            return node.text;
          case 'strong':
            return <strong key={i}><InlineNodes nodes={node.children} /></strong>;
          case 'em':
            return <em key={i}><InlineNodes nodes={node.children} /></em>;
          case 'code':
            return <code key={i}>{node.text}</code>;
          case 'link':
            return <a key={i} href={node.href} target="_blank" rel="noopener noreferrer"><InlineNodes nodes={node.children} /></a>;
          case 'image':
            return node.allowed ? <RemoteImage key={i} src={node.src} alt={node.alt} /> : <span key={i} className="kb-blocked">{t('knowledge.imageBlocked', { alt: node.alt || node.src })}</span>;
        }
      })}
    </>
  );
}

function BlockNode({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      // Article headings sit below the article title (h2).
      const Tag = `h${Math.min(6, block.level + 2)}` as 'h3';
      return <Tag><InlineNodes nodes={block.children} /></Tag>;
    }
    case 'paragraph':
      return <p><InlineNodes nodes={block.children} /></p>;
    case 'quote':
      return <blockquote><InlineNodes nodes={block.children} /></blockquote>;
    case 'code':
      return <pre><code>{block.text}</code></pre>;
    case 'rule':
      return <hr />;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}><InlineNodes nodes={item} /></li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

/**
 * How much of an article one "Show more" reveals, in elements and 100-character runs of text: a long
 * article's first screens show at once, and a hostile one (50,000 links) cannot make React build them all.
 */
export const RENDER_PAGE = 1000;

/**
 * An article body: Markdown rendered to React elements only (see markdown.ts for why that is safe). The
 * body is parsed once per body (not on every render of the panel) and shown a page at a time.
 */
export function MarkdownBody({ markdown, remoteHosts }: { markdown: string; remoteHosts: readonly string[] }) {
  const { t } = useTranslation();
  // Keyed by the hosts' text, not the array's identity, which may be new on every render.
  const hostsKey = remoteHosts.join('\n');
  const blocks = useMemo(() => parseMarkdown(markdown, hostsKey === '' ? [] : hostsKey.split('\n')), [markdown, hostsKey]);
  const [pages, setPages] = useState(1);
  useEffect(() => setPages(1), [blocks]);
  const shown = useMemo(() => firstPart(blocks, pages * RENDER_PAGE), [blocks, pages]);
  return (
    <div className="kb-body">
      {shown.blocks.map((block, i) => (
        <BlockNode key={i} block={block} />
      ))}
      {shown.truncated && (
        <button type="button" className="kb-show-more" onClick={() => setPages((n) => n + 1)}>
          {t('knowledge.showMore')}
        </button>
      )}
    </div>
  );
}
