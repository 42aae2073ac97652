import { beforeEach, describe, expect, it } from 'vitest';
import { browserSecrets } from '@renderer/platform/browser-secrets';
import { getDb, resetDbForTests } from '@renderer/db/db';

describe('browser secret storage', () => {
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
  });
  it('stores only ciphertext and reads the secret back; null deletes it', async () => {
    expect(await browserSecrets.get('crm.token')).toBeNull();
    expect(await browserSecrets.set('crm.token', 'tok-98765')).toEqual({ stored: true, protection: 'os' });
    const row = await getDb().secrets.get('crm.token');
    expect(new TextDecoder().decode(row?.data)).not.toContain('tok-98765');
    expect(await browserSecrets.get('crm.token')).toBe('tok-98765');
    await browserSecrets.set('crm.token', null);
    expect(await browserSecrets.get('crm.token')).toBeNull();
  });
});
