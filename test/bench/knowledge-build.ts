/**
 * The knowledge index build as the product runs it, in a process of its own so its peak memory is its own:
 * `node --import tsx test/bench/knowledge-build.ts <package.json>` reads the package, validates it
 * (parseKnowledgePackage) and builds with the worker's own buildEngine (renderer/features/knowledge/
 * knowledge-base.ts: what an import runs before it writes to IndexedDB), then prints one JSON object:
 * build_ms (buildEngine alone, wall clock), build_cpu_ms (its CPU time, user + system: the machine is shared, so the
 * wall clock moves with the load), peak_rss_mb (process.resourceUsage().maxRSS: the whole process's peak,
 * Node runtime, package text and parsed articles included, as the worker holds them too), baseline_rss_mb
 * (resident before the build) and index_bytes (the ArrayBuffer the worker stores in IndexedDB,
 * toStoredIndex; made after the build as the import makes it, so the peak includes it).
 */
import { readFileSync } from 'node:fs';
import { toStoredIndex } from '@common/knowledge/engine';
import { parseKnowledgePackage } from '@common/knowledge/package-schema';
import { buildEngine } from '@renderer/features/knowledge/knowledge-base';

/** What the child prints. */
export interface BuildReport {
  build_ms: number;
  build_cpu_ms: number;
  peak_rss_mb: number;
  baseline_rss_mb: number;
  index_bytes: number;
}

function main(path: string | undefined): void {
  if (!path) throw new Error('usage: node --import tsx test/bench/knowledge-build.ts <package.json>');
  const parsed = parseKnowledgePackage(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.errors.slice(0, 5).join('; ')}`);
  const baseline = process.memoryUsage.rss();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const engine = buildEngine(parsed.value.articles, parsed.value.synonyms);
  const buildMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const stored = toStoredIndex(engine.data);
  const report: BuildReport = {
    build_ms: Math.round(buildMs),
    build_cpu_ms: Math.round((user + system) / 1000),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    baseline_rss_mb: Math.round(baseline / 2 ** 20),
    index_bytes: stored.byteLength,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main(process.argv[2]);
