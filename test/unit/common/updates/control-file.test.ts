import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlFileSchema, controlFileUrl, judgeVersion, readControlFile } from '@common/updates/control-file';
import { UpdateServer } from '../../../fixtures/updates/update-server';

const control = (value: unknown) => controlFileSchema.parse(value);
const nodeFetch = (url: string, init: { signal: AbortSignal }) => fetch(url, init);

describe('the kill switch file', () => {
  it('sits beside the update metadata, with or without a trailing slash', () => {
    expect(controlFileUrl('https://updates.bank.example/lingxi')).toBe('https://updates.bank.example/lingxi/lingxi-control.json');
    expect(controlFileUrl('https://updates.bank.example/lingxi/')).toBe('https://updates.bank.example/lingxi/lingxi-control.json');
  });

  it('judges a version: blocked by the first matching range, too old below the minimum, else allowed', () => {
    const file = control({ blockedVersions: ['1.4.2', '>=1.5.0-pilot.1 <1.5.0'], minimumVersion: '1.3.0' });
    expect(judgeVersion(file, '1.4.2')).toEqual({ kind: 'blocked', range: '1.4.2' });
    expect(judgeVersion(file, '1.5.0-pilot.3')).toEqual({ kind: 'blocked', range: '>=1.5.0-pilot.1 <1.5.0' });
    expect(judgeVersion(file, '1.2.9')).toEqual({ kind: 'too-old', minimumVersion: '1.3.0' });
    expect(judgeVersion(file, '1.4.3')).toEqual({ kind: 'allowed' });
    expect(judgeVersion(control({}), '0.0.1')).toEqual({ kind: 'allowed' });
  });

  it('names every mistake IT made in the file', () => {
    const result = controlFileSchema.safeParse({ blockedVersions: ['latest'], minimumVersion: '1.4', blockedVersion: [] });
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^blockedVersions\.0 must be a version \("1\.4\.2"\) or a range/),
        'minimumVersion must be a version such as "1.4.2"',
        expect.stringMatching(/blockedVersion/),
      ]),
    );
  });

  describe('fetched from the loopback update server', () => {
    const server = new UpdateServer();
    beforeAll(() => server.start());
    afterAll(() => server.dispose());

    it('reads a valid file, and treats a missing one (404) as nothing blocked', async () => {
      expect(await readControlFile(nodeFetch, server.url)).toEqual({ ok: true, control: null });
      server.control({ minimumVersion: '1.4.0', message: 'Please restart Lingxi' });
      expect(await readControlFile(nodeFetch, server.url)).toEqual({ ok: true, control: { blockedVersions: [], minimumVersion: '1.4.0', message: 'Please restart Lingxi' } });
    });

    it('reports a server that answers an error or never answers', async () => {
      const failing = async () => new Response('oops', { status: 503 });
      expect(await readControlFile(failing, server.url)).toEqual({ ok: false, error: `kill switch ${server.url}/lingxi-control.json answered HTTP 503` });
      const hanging = (_url: string, init: { signal: AbortSignal }) =>
        new Promise<Response>((_resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason as Error)));
      const result = await readControlFile(hanging, server.url, 50);
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/could not be fetched: .*timed? ?out/i) });
    });
  });
});
