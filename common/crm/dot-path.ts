/**
 * Reads a value from parsed JSON by a dot path such as `customer.cards[0].number` (or `cards.0.number`).
 * Returns `undefined` when any step is missing, so a mapping that points nowhere is detectable.
 */
export function readPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const step of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (step === '') continue;
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}
