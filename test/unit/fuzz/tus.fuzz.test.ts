/**
 * The recording upload client (tus) against a store that answers anything: random status codes, broken
 * Upload-Offset and Location headers, wrong or missing acknowledgements, junk bodies, at random requests of
 * an otherwise honest tus server. Each upload settles (done resolves or rejects with an Error) within a
 * bounded number of requests, and resolves only when the store acknowledged the right SHA-256.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { HttpRequest, HttpResponse, HttpStack, PreviousUpload, UrlStorage } from 'tus-js-client';
import { describe, expect, it } from 'vitest';
import { ACK_HEADER, startPartUpload } from '@renderer/features/recording/upload/part-upload';
import { blobFileReader } from '../renderer/features/recording/upload/support';
import { fuzzAsync } from './fuzz-params';

/** A response the hostile store sends instead of the honest one; undefined fields keep the honest value. */
interface Fault {
  status?: number;
  offset?: string | null;
  location?: string | null;
  ack?: 'wrong' | 'missing';
  body?: string;
}

const fault: fc.Arbitrary<Fault> = fc.record(
  {
    status: fc.oneof(fc.constantFrom(200, 201, 204, 206, 301, 400, 401, 403, 404, 409, 410, 412, 423, 460, 500, 503), fc.integer({ min: 100, max: 599 })),
    offset: fc.option(fc.constantFrom('-1', 'NaN', '', '1e309', '99999999999', '0', ' 3 ', 'abc', '5', '0x10', '1.5'), { nil: null }),
    location: fc.option(fc.constantFrom('', '/files/other', 'http://evil.example/x', 'javascript:alert(1)', '::::', '//', 'a'.repeat(5000)), { nil: null }),
    ack: fc.constantFrom('wrong' as const, 'missing' as const),
    body: fc.string({ maxLength: 50 }),
  },
  { requiredKeys: [] },
);

const MAX_REQUESTS = 80;

/** An honest in-memory tus server with `faults[i]` replacing its i-th answer. */
function hostileStore(data: Uint8Array, faults: Array<Fault | null>) {
  const sha = createHash('sha256').update(data).digest('hex');
  let offset = 0;
  let requests = 0;
  let lastAck: string | undefined;
  const answer = (method: string, body: unknown): { status: number; headers: Record<string, string>; body: string } => {
    const honest = (): { status: number; headers: Record<string, string>; body: string } => {
      if (method === 'POST') return { status: 201, headers: { Location: '/files/1' }, body: '' };
      if (method === 'HEAD') return { status: 200, headers: { 'Upload-Offset': String(offset), 'Upload-Length': String(data.length) }, body: '' };
      if (method === 'PATCH') {
        offset += body instanceof Uint8Array ? body.length : 0;
        return { status: 204, headers: { 'Upload-Offset': String(offset), ...(offset >= data.length ? { [ACK_HEADER]: sha } : {}) }, body: '' };
      }
      return { status: 405, headers: {}, body: '' };
    };
    const response = honest();
    const change = faults[requests - 1];
    if (!change) return response;
    const headers = { ...response.headers };
    if (change.offset !== undefined) {
      if (change.offset === null) delete headers['Upload-Offset'];
      else headers['Upload-Offset'] = change.offset;
    }
    if (change.location !== undefined) {
      if (change.location === null) delete headers.Location;
      else headers.Location = change.location;
    }
    if (change.ack === 'missing') Reflect.deleteProperty(headers, ACK_HEADER);
    if (change.ack === 'wrong') headers[ACK_HEADER] = '0'.repeat(64);
    return { status: change.status ?? response.status, headers, body: change.body ?? response.body };
  };
  const httpStack: HttpStack = {
    getName: () => 'hostile-store',
    createRequest(method: string, url: string): HttpRequest {
      const sent: Record<string, string> = {};
      return {
        getMethod: () => method,
        getURL: () => url,
        setHeader: (name, value) => void (sent[name] = value),
        getHeader: (name) => sent[name],
        setProgressHandler: () => undefined,
        abort: async () => undefined,
        getUnderlyingObject: () => null,
        send: async (body: unknown): Promise<HttpResponse> => {
          requests += 1;
          if (requests > MAX_REQUESTS) throw new Error(`the upload sent more than ${MAX_REQUESTS} requests: it loops`);
          const reply = answer(method, body);
          const headers = new Map(Object.entries(reply.headers).map(([k, v]) => [k.toLowerCase(), v]));
          if (headers.has(ACK_HEADER.toLowerCase())) lastAck = headers.get(ACK_HEADER.toLowerCase());
          return { getStatus: () => reply.status, getHeader: (name) => headers.get(name.toLowerCase()), getBody: () => reply.body, getUnderlyingObject: () => null };
        },
      };
    },
  };
  return { sha, httpStack, requests: () => requests, lastAck: () => lastAck };
}

function memoryUrlStorage(): UrlStorage {
  const uploads = new Map<string, PreviousUpload & { fingerprint: string }>();
  let next = 0;
  return {
    findAllUploads: async () => [...uploads.values()],
    findUploadsByFingerprint: async (fingerprint) => [...uploads.values()].filter((u) => u.fingerprint === fingerprint),
    removeUpload: async (key) => void uploads.delete(key),
    addUpload: async (fingerprint, upload) => {
      const key = `u${next++}`;
      uploads.set(key, { ...upload, fingerprint, urlStorageKey: key });
      return key;
    },
  };
}

const SETTLE_MS = 5000;

describe('tus responses (fuzzed)', { timeout: 60_000 }, () => {
  it('settles every upload whatever the store answers, and succeeds only on the right acknowledgement', async () => {
    const seen = { resolved: 0, rejected: 0 };
    await fuzzAsync(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.array(fc.option(fault, { freq: 2 }), { maxLength: 12 }), fc.integer({ min: 4, max: 16 }), async (bytes, faults, chunkSize) => {
        const store = hostileStore(bytes, faults);
        const upload = startPartUpload({
          endpoint: 'https://store.bank.example/files/',
          recordingId: 'r1',
          part: 'audio',
          data: new Blob([bytes]),
          sha256: store.sha,
          metadata: {},
          urlStorage: memoryUrlStorage(),
          retryDelays: [0, 0],
          chunkSize,
          tus: { fileReader: blobFileReader, httpStack: store.httpStack },
        });
        let timer: ReturnType<typeof setTimeout> | undefined;
        const outcome = await Promise.race([
          upload.done.then(
            (result) => ({ settled: 'resolved' as const, result }),
            (error: unknown) => ({ settled: 'rejected' as const, error }),
          ),
          new Promise<{ settled: 'hung' }>((resolve) => (timer = setTimeout(() => resolve({ settled: 'hung' }), SETTLE_MS))),
        ]);
        clearTimeout(timer);
        upload.abort();
        expect(outcome.settled, `after ${store.requests()} requests`).not.toBe('hung');
        expect(store.requests()).toBeLessThanOrEqual(MAX_REQUESTS);
        if (outcome.settled !== 'hung') seen[outcome.settled] += 1;
        if (outcome.settled === 'resolved') expect(store.lastAck()).toBe(store.sha);
        if (outcome.settled === 'rejected') {
          expect(outcome.error).toBeInstanceOf(Error);
          expect((outcome.error as Error).message).not.toBe('');
        }
      }),
      100,
    );
    // Both ways out were taken, or the faults are too many or too few to test anything.
    expect(seen.resolved).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  });
});
