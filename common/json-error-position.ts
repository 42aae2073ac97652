/**
 * Where strict JSON (RFC 8259) first goes wrong, found without quoting the text. Engines' JSON.parse
 * messages quote the source around the error (V8: `Unexpected token 'h', ..."word": hunter2}" is not valid
 * JSON`), and a policy file's source can hold a SIP password or a CRM token, so reports use only the line
 * and column this finds. One pass, no recursion: 100,000 nested `[` cannot overflow the stack.
 */

/** Line and column (both from 1) of `offset` in `text`; \r\n, \r and \n each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The offset of the first syntax error in `text`, or undefined when it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  /** Reads a string starting at its `"`; the offset of its error, if any. */
  const readString = (): number | undefined => {
    for (i++; i < n; ) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return i;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      const escape = text.charAt(i + 1);
      if (escape === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return i;
        i += 6;
      } else if (escape !== '' && ESCAPES.includes(escape)) i += 2;
      else return i;
    }
    return n; // unterminated: the error is at the end of the text
  };
  const open: Array<'{' | '['> = [];
  let expect: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after' = 'value';
  for (;;) {
    skipSpace();
    const top = open.at(-1);
    const c = text.charAt(i);
    if (expect === 'after') {
      if (top === undefined) return i < n ? i : undefined;
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if ((c === '}' && top === '{') || (c === ']' && top === '[')) open.pop();
      else return i;
      i++;
      continue;
    }
    if (i >= n) return i;
    if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key-or-close') {
        open.pop();
        i++;
        expect = 'after';
        continue;
      }
      if (c !== '"') return i;
      const error = readString();
      if (error !== undefined) return error;
      skipSpace();
      if (text.charAt(i) !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    if (c === ']' && expect === 'value-or-close') {
      open.pop();
      i++;
      expect = 'after';
    } else if (c === '{' || c === '[') {
      open.push(c);
      i++;
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
    } else if (c === '"') {
      const error = readString();
      if (error !== undefined) return error;
      expect = 'after';
    } else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      NUMBER.lastIndex = i;
      if (literal) i += literal.length;
      else if (NUMBER.test(text)) i = NUMBER.lastIndex;
      else return i;
      expect = 'after';
    }
  }
}
