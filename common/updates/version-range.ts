/**
 * Semantic versions and the version ranges of the kill switch file (`blockedVersions`), in both hosts.
 * The subset of node-semver's range syntax IT needs: an exact version ("1.4.2"), comparators joined by spaces
 * ("≥1.4.0 <1.4.3" written `>=1.4.0 <1.4.3`), x-ranges ("1.4.x", "1.4.*", "1.x") and alternatives ("1.4.2 || 1.5.0").
 * Unlike node-semver, a prerelease (1.5.0-pilot.2) is compared by plain precedence, so `<1.5.0` blocks the
 * pilots of 1.5.0 too: a kill switch must never miss a build because of its prerelease tag.
 * (node-semver ships no types and is not a dependency of the renderer; this is the whole of what is used.)
 */

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: readonly (string | number)[];
}

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses "1.4.2", "1.5.0-pilot.1" (a leading v and build metadata are accepted); undefined when it is not one. */
export function parseVersion(text: string): SemVer | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  const prerelease = match[4] ? match[4].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease };
}

function comparePrerelease(a: SemVer['prerelease'], b: SemVer['prerelease']): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release outranks its prereleases
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Semver precedence: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePrerelease(a.prerelease, b.prerelease);
}

type Test = (version: SemVer) => boolean;

const WILD = /^[xX*]$/;

/** "1.4.x" → [>=1.4.0, <1.5.0]; "1.4.2" → =1.4.2. */
function xRange(text: string): Test | undefined {
  const parts = text.replace(/^v/, '').split('.');
  if (parts.length > 3 || parts.some((p) => !/^(0|[1-9]\d*)$/.test(p) && !WILD.test(p))) return parseExact(text);
  const fixed: number[] = [];
  for (const part of parts) {
    if (WILD.test(part)) break;
    fixed.push(Number(part));
  }
  if (fixed.length === 3) return parseExact(text);
  const low: SemVer = { major: fixed[0] ?? 0, minor: fixed[1] ?? 0, patch: 0, prerelease: [] };
  if (fixed.length === 0) return () => true;
  const high: SemVer =
    fixed.length === 1 ? { major: low.major + 1, minor: 0, patch: 0, prerelease: [] } : { major: low.major, minor: low.minor + 1, patch: 0, prerelease: [] };
  return (v) => compareVersions(v, low) >= 0 && compareVersions(v, { ...high, prerelease: [0] }) < 0;
}

function parseExact(text: string): Test | undefined {
  const exact = parseVersion(text);
  return exact ? (v) => compareVersions(v, exact) === 0 : undefined;
}

const OPERATORS: Record<string, (order: number) => boolean> = {
  '<': (o) => o < 0,
  '<=': (o) => o <= 0,
  '>': (o) => o > 0,
  '>=': (o) => o >= 0,
  '=': (o) => o === 0,
};

function comparator(text: string): Test | undefined {
  const match = /^(<=|>=|<|>|=)?\s*(.+)$/.exec(text);
  if (!match?.[2]) return undefined;
  const operator = match[1];
  if (!operator) return xRange(match[2]);
  const bound = parseVersion(match[2]);
  const order = OPERATORS[operator];
  return bound && order ? (v) => order(compareVersions(v, bound)) : undefined;
}

/** A range as a predicate, or undefined when the text is not a range this module reads. */
export function parseRange(text: string): ((version: SemVer) => boolean) | undefined {
  const alternatives: Test[][] = [];
  for (const alternative of text.split('||')) {
    // ">= 1.4.0" is one comparator: join an operator with the version after it.
    const words = alternative.trim().replace(/(<=|>=|<|>|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (words.length === 0) return undefined;
    const tests = words.map(comparator);
    if (tests.some((t) => t === undefined)) return undefined;
    alternatives.push(tests as Test[]);
  }
  return (version) => alternatives.some((tests) => tests.every((test) => test(version)));
}
