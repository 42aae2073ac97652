/** Exhaustiveness check for switches over unions (GitHub Desktop's assertNever). */
export function assertNever(value: never, message = 'unexpected value'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
