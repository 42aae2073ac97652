// The recording-store double itself (test/fixtures/recording-store): what the e2e specs and the upload
// tests rely on. Raw node:http requests, because happy-dom's fetch would hide the Origin header.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RemoteRecordingStore } from '../../../../../fixtures/recording-store/remote';
import { verifyRecording } from '../../../../../fixtures/recording-store/verify';
import { makeRecording } from './support';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function raw(method: string, url: string, headers: Record<string, string>, body?: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const TUS = { 'Tus-Resumable': '1.0.0' };
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const meta = (fields: Record<string, string>): string =>
  Object.entries(fields).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');

let store: RemoteRecordingStore;
beforeAll(async () => {
  store = await RemoteRecordingStore.launch();
});
afterAll(() => store.close());
beforeEach(() => store.call('reset'));

/** Creates an upload of `bytes` announcing `claimedSha`; returns its URL. */
async function create(bytes: Buffer, claimedSha = sha256(bytes), extra: Record<string, string> = {}): Promise<string> {
  const res = await raw('POST', store.uploadUrl, { ...TUS, 'Upload-Length': String(bytes.length), 'Upload-Metadata': meta({ recordingId: 'rec', part: 'audio', sha256: claimedSha, ...extra }) });
  expect(res.status).toBe(201);
  return String(res.headers.location);
}

const patch = (url: string, offset: number, body: Buffer, headers: Record<string, string> = {}) =>
  raw('PATCH', url, { ...TUS, ...headers, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, body);

describe('recording-store double', { timeout: 15_000 }, () => {
  it('lets the app origins through CORS (browser host on any loopback port, Electron) and no other', async () => {
    const preflight = (origin: string) =>
      raw('OPTIONS', store.uploadUrl, { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'tus-resumable,upload-length,upload-metadata' });
    for (const origin of ['http://127.0.0.1:5173', 'http://127.0.0.1:41234', 'lingxi://app']) {
      const res = await preflight(origin);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(String(res.headers['access-control-allow-headers'])).toMatch(/Upload-Metadata/);
    }
    expect((await preflight('http://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('acknowledges a matching upload with its SHA-256, exposed to the browser, and repeats it on HEAD', async () => {
    const bytes = randomBytes(5000);
    const url = await create(bytes);
    const res = await patch(url, 0, bytes, { Origin: 'http://127.0.0.1:5173' });
    expect(res.status).toBe(204);
    expect(res.headers['lingxi-sha256']).toBe(sha256(bytes));
    expect(String(res.headers['access-control-expose-headers'])).toMatch(/Lingxi-Sha256/);
    expect((await raw('HEAD', url, TUS)).headers['lingxi-sha256']).toBe(sha256(bytes));
    const [stored] = await store.uploads();
    expect(stored).toMatchObject({ url, size: 5000, sha256: sha256(bytes), metadata: { recordingId: 'rec', part: 'audio' } });
    expect((await store.read(stored?.id ?? '')).equals(bytes)).toBe(true);
  });

  it('rejects a copy that does not match its sha256 metadata with 460 and deletes it', async () => {
    const bytes = randomBytes(5000);
    const url = await create(bytes, 'f'.repeat(64));
    expect((await patch(url, 0, bytes)).status).toBe(460);
    expect((await raw('HEAD', url, TUS)).status).toBe(404);
    expect(await store.uploads()).toEqual([]);
  });

  it('fails the next n requests with the status asked for, then serves normally', async () => {
    await store.call('failNext', 2, 500);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await raw('POST', store.uploadUrl, { ...TUS, 'Upload-Length': '1' })).status);
    expect(statuses).toEqual([500, 500, 201]);
  });

  it('cuts a PATCH after n body bytes and keeps exactly those', async () => {
    const bytes = randomBytes(200_000);
    const url = await create(bytes);
    await store.call('dropAfter', 1000);
    await expect(patch(url, 0, bytes)).rejects.toThrow();
    const head = await raw('HEAD', url, TUS);
    expect(head.headers['upload-offset']).toBe('1000');
    expect((await patch(url, 1000, bytes.subarray(1000))).headers['lingxi-sha256']).toBe(sha256(bytes));
  });

  it('reads bodies at the rate slow() sets', async () => {
    const bytes = randomBytes(10_000);
    const url = await create(bytes);
    await store.call('slow', 20_000);
    const started = performance.now();
    expect((await patch(url, 0, bytes)).status).toBe(204);
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('finds a chunk of the stored audio that differs from the manifest', () => {
    const { audio, exported } = makeRecording('rec', 3000);
    const manifest = Buffer.from(JSON.stringify(exported.manifest));
    expect(verifyRecording(audio, manifest)).toEqual([]);
    const altered = Buffer.from(audio);
    altered[1500] = (altered[1500] ?? 0) ^ 1;
    expect(verifyRecording(altered, manifest)).toEqual([expect.stringMatching(/^audio SHA-256/), 'chunk 1: SHA-256 differs from the manifest']);
  });
});
