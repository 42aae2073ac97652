import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { declareSchema } from '@renderer/db/schema';
import { createSessionSecrets } from '@renderer/platform/browser-secrets';

describe('browser host secrets', () => {
  it('keeps the CRM token for this page only, reported as weak and session-only; null forgets it', async () => {
    const secrets = createSessionSecrets();
    expect(secrets.read('crm.token')).toBeNull();
    expect(await secrets.api.set('crm.token', 'tok-98765')).toEqual({ stored: true, protection: 'weak', persistence: 'session' });
    expect(secrets.read('crm.token')).toBe('tok-98765');
    expect(createSessionSecrets().read('crm.token')).toBeNull(); // a reload starts empty
    expect(await secrets.api.set('crm.token', null)).toMatchObject({ stored: false });
    expect(secrets.read('crm.token')).toBeNull();
    expect(Object.keys(secrets.api)).toEqual(['set']); // nothing reads it back through the page's API
  });

  it('deletes the secrets an earlier version kept in IndexedDB when the database is upgraded', async () => {
    const name = `lingxi-upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(3).stores({ settings: 'key', callHistory: 'id, startedAt', agentStates: '++id, startedAt, state', profiles: 'key, fetchedAt', secrets: 'name' });
    await old.table('secrets').put({ name: 'crm.token', data: new TextEncoder().encode('sealed').buffer });
    old.close();
    const upgraded = new Dexie(name);
    declareSchema(upgraded);
    await upgraded.open();
    expect(upgraded.tables.map((table) => table.name)).not.toContain('secrets');
    const raw = await new Promise<string[]>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        resolve([...request.result.objectStoreNames]);
        request.result.close();
      };
    });
    upgraded.close();
    expect(raw).not.toContain('secrets');
  });
});
