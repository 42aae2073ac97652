import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMarkdown, type Block, type Inline } from '../markdown';

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

/** An article body: Markdown rendered to React elements only (see markdown.ts for why that is safe). */
export function MarkdownBody({ markdown, remoteHosts }: { markdown: string; remoteHosts: readonly string[] }) {
  return (
    <div className="kb-body">
      {parseMarkdown(markdown, remoteHosts).map((block, i) => (
        <BlockNode key={i} block={block} />
      ))}
    </div>
  );
}
