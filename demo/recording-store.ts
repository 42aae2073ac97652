/**
 * The demo's recording store: a tus 1.0 server (@tus/server + FileStore, as the bank's store would be) at
 * `/files`, which checks each finished upload against its `sha256` metadata and acknowledges it with
 * `Lingxi-Sha256` (what the desk waits for before it calls a recording uploaded), and `GET /recordings`
 * listing what it received. Files live under the demo's data directory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';

const ACK_HEADER = 'Lingxi-Sha256';

export interface ReceivedRecording {
  id: string;
  metadata: Record<string, string>;
  size: number;
  sha256: string;
  receivedAt: string;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class DemoRecordingStore {
  readonly received: ReceivedRecording[] = [];
  private readonly tus: Server;

  constructor(readonly directory: string) {
    const datastore = new FileStore({ directory });
    this.tus = new Server({
      path: '/files',
      datastore,
      allowedOrigins: (origin) => /^http:\/\/127\.0\.0\.1(:\d+)?$/.test(origin) || origin === 'lingxi://app',
      exposedHeaders: [ACK_HEADER],
      onUploadFinish: async (_req, upload: Upload) => {
        const sha256 = await sha256File(join(directory, upload.id));
        const metadata = Object.fromEntries(Object.entries(upload.metadata ?? {}).map(([k, v]) => [k, v ?? '']));
        if (sha256 !== metadata.sha256) {
          await datastore.remove(upload.id);
          const body = `Checksum mismatch: stored ${sha256}, metadata says ${metadata.sha256 ?? '(none)'}\n`;
          throw Object.assign(new Error(body), { status_code: 460, body });
        }
        this.received.push({ id: upload.id, metadata, size: upload.size ?? 0, sha256, receivedAt: new Date().toISOString() });
        return { headers: { [ACK_HEADER]: sha256 } };
      },
    });
  }

  /** Handles `/files…` (tus) and `/recordings` (the list); false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (url.pathname === '/recordings') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(this.received, null, 2));
      return true;
    }
    if (url.pathname !== '/files' && !url.pathname.startsWith('/files/')) return false;
    void this.tus.handle(req, res);
    return true;
  }
}
