/** The agent's own settings (Dexie). Policy locks are applied by resolveSetting, not here. */
import { getDb } from './db';

export async function readSetting<T>(key: string): Promise<T | undefined> {
  const row = await getDb().settings.get(key);
  return row?.value as T | undefined;
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  await getDb().settings.put({ key, value });
}
