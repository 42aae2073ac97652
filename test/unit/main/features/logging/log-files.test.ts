/** The rotating log set: size per file and number of files honoured, the oldest deleted, no line lost or split. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { limitsFrom, openLogFiles } from '@main/features/logging/log-files';

const root = mkdtempSync(join(tmpdir(), 'lingxi-log-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let caseNo = 0;
const freshDir = () => join(root, `case-${++caseNo}`);
const line = (i: number) => `${JSON.stringify({ n: i, pad: 'x'.repeat(80) })}\n`;
const numbersIn = (path: string) =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((text) => (JSON.parse(text) as { n: number }).n);

describe('openLogFiles', () => {
  it('takes its limits from the policy (MB and files) and defaults to 5 MB × 5 files', () => {
    expect(limitsFrom()).toEqual({ maxFileBytes: 5 * 1024 * 1024, maxFiles: 5 });
    expect(limitsFrom({ maxFileMb: 1.5, maxFiles: 3 })).toEqual({ maxFileBytes: 1_572_864, maxFiles: 3 });
  });

  it('rotates by size, keeps maxFiles files, deletes the oldest, and loses, splits or reorders no kept line', async () => {
    const dir = freshDir();
    const files = openLogFiles(dir, { maxFileBytes: 1000, maxFiles: 3 });
    for (let i = 0; i < 100; i++) files.write(line(i));
    await files.close();
    const set = files.files();
    expect(set.map((f) => f.name)).toEqual(['lingxi.log', 'lingxi.log.1', 'lingxi.log.2']);
    expect(existsSync(join(dir, 'lingxi.log.3'))).toBe(false);
    // A file ends with the line that takes it to the limit: never more than the limit plus one line.
    for (const file of set) expect(file.bytes).toBeLessThan(1000 + line(99).length);
    // Oldest first: .2, .1, then the current file; consecutive numbers ending with the last line written.
    const kept = [...numbersIn(join(dir, 'lingxi.log.2')), ...numbersIn(join(dir, 'lingxi.log.1')), ...numbersIn(join(dir, 'lingxi.log'))];
    expect(kept.at(-1)).toBe(99);
    expect(kept).toEqual(kept.map((_, i) => (kept[0] as number) + i));
    // The first lines are gone with the deleted files: 3 files of at most 1000 bytes hold ~30 of these lines.
    expect(kept[0]).toBeGreaterThan(60);
  });

  it('rotates a file already at the limit when it opens, and appends to a smaller one', async () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'lingxi.log'), line(-1).repeat(11));
    const files = openLogFiles(dir, { maxFileBytes: 1000, maxFiles: 2 });
    files.write(line(0));
    await files.close();
    expect(numbersIn(join(dir, 'lingxi.log'))).toEqual([0]);
    expect(numbersIn(join(dir, 'lingxi.log.1'))).toEqual(Array(11).fill(-1));
    const again = openLogFiles(dir, { maxFileBytes: 1000, maxFiles: 2 });
    again.write(line(1));
    await again.close();
    expect(numbersIn(join(dir, 'lingxi.log'))).toEqual([0, 1]);
  });

  it('applies new limits from a changed policy without losing or reordering a line', async () => {
    const dir = freshDir();
    const files = openLogFiles(dir, { maxFileBytes: 100_000, maxFiles: 2 });
    for (let i = 0; i < 5; i++) files.write(line(i));
    const applying = files.setLimits({ maxFileBytes: 500, maxFiles: 4 });
    for (let i = 5; i < 30; i++) files.write(line(i));
    await applying;
    for (let i = 30; i < 40; i++) files.write(line(i));
    await files.close();
    const set = files.files();
    expect(set).toHaveLength(4);
    for (const file of set) expect(statSync(file.path).size).toBeLessThan(500 + line(39).length);
    const kept = [...set].reverse().flatMap((file) => numbersIn(file.path));
    expect(kept.at(-1)).toBe(39);
    expect(kept).toEqual(kept.map((_, i) => (kept[0] as number) + i));
  });
});
