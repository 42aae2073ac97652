/**
 * A table's own entry for `key`, never an inherited one: text is user input, and a plain object
 * literal also "has" `constructor`, `toString`, `__proto__` … (a query or article with such a word
 * must search like any other word).
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
