/**
 * The demo's knowledge server: serves the sample knowledge base (assets/knowledge/sample-kb.json) over the
 * desk's delta-sync protocol (renderer/features/knowledge README, "Sync protocol") at `/knowledge/delta`,
 * as a bank's knowledge server would. The whole package is one revision: a desk without the cursor gets
 * every article and the synonyms in one delta; a desk that has it (since + If-None-Match) gets 304.
 * `GET /knowledge/requests` lists the sync requests received, so one can see the desk sync.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const KNOWLEDGE_SYNC_PATH = '/knowledge/delta';
export const KNOWLEDGE_REQUESTS_PATH = '/knowledge/requests';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'If-None-Match, Accept',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '600',
};

export interface KnowledgeSyncRequest {
  since: string | null;
  ifNoneMatch: string | null;
  status: number;
  at: string;
}

export class DemoKnowledgeServer {
  readonly requests: KnowledgeSyncRequest[] = [];
  /** The one revision: the package's content hash. */
  readonly cursor: string;
  private readonly delta: string;

  constructor(packageFile: string) {
    const text = readFileSync(packageFile, 'utf8');
    const { articles, synonyms, generatedAt } = JSON.parse(text) as { articles: unknown[]; synonyms?: unknown; generatedAt?: string };
    this.cursor = `sample-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    this.delta = JSON.stringify({ format: 'lingxi-knowledge', version: 1, cursor: this.cursor, ...(generatedAt ? { generatedAt } : {}), articles, ...(synonyms ? { synonyms } : {}) });
  }

  /** Handles `/knowledge/…`; false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (url.pathname !== KNOWLEDGE_SYNC_PATH && url.pathname !== KNOWLEDGE_REQUESTS_PATH) return false;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return true;
    }
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...CORS, ...headers }).end(body);
    };
    if (url.pathname === KNOWLEDGE_REQUESTS_PATH) {
      send(200, JSON.stringify(this.requests));
      return true;
    }
    const since = url.searchParams.get('since');
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    const etag = `"${this.cursor}"`;
    const upToDate = since === this.cursor;
    const status = upToDate && ifNoneMatch === etag ? 304 : 200;
    this.requests.push({ since, ifNoneMatch, status, at: new Date().toISOString() });
    if (status === 304) send(304, '', { ETag: etag });
    // A desk at the current cursor without the ETag gets an empty delta (nothing new) and the ETag.
    else if (upToDate) send(200, JSON.stringify({ format: 'lingxi-knowledge', version: 1, cursor: this.cursor, articles: [] }), { ETag: etag });
    else send(200, this.delta, { ETag: etag });
    return true;
  }
}
