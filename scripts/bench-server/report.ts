/** The benchmark's table (markdown, for the server README): throughput per size, the growth ratio, p99, statements. */
import type { LoadResult } from './load.js';

export interface Row extends LoadResult {
  op: string;
  target: string;
  size: number;
  statements: number | null;
  /** The one-minute load average when the operation finished. */
  load: string;
  /** Which of the `--runs` turns it was measured in (sizes, and the list and its floor, meet in each turn). */
  run: number;
}

/** The median of some numbers (NaN for none). */
function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * A ratio of two series measured side by side: the median of each turn's own ratio, so that a turn slowed by
 * another job on the machine slows both of its figures and moves the ratio little.
 */
function pairedRatio(rows: Row[], a: (r: Row) => boolean, b: (r: Row) => boolean): number {
  const runs = [...new Set(rows.map((r) => r.run))];
  return median(
    runs.map((run) => {
      const x = rows.find((r) => r.run === run && a(r));
      const y = rows.find((r) => r.run === run && b(r));
      return x && y ? x.rps / y.rps : NaN;
    }),
  );
}

const NAMES: Record<string, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };
const k = (n: number) => (n >= 1000 ? `${String(n / 1000)}k` : String(n));
const fixed = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function report(rows: Row[], sizes: number[], targets: string[]): string {
  const small = Math.min(...sizes);
  const large = Math.max(...sizes);
  /** The median run of an operation (by throughput), with its statements. */
  const find = (op: string, target: string, size: number): Row | undefined => {
    const runs = rows.filter((r) => r.op === op && r.target === target && r.size === size);
    const measured = runs.filter((r) => !Number.isNaN(r.rps)).sort((a, b) => a.rps - b.rps);
    const median = measured[Math.floor((measured.length - 1) / 2)] ?? runs[0];
    return median && { ...median, statements: runs.find((r) => r.statements !== null)?.statements ?? null };
  };
  const head = ['operation', 'statements'];
  for (const t of targets) {
    head.push(`${NAMES[t] ?? t} req/s at ${k(small)}`, `at ${k(large)}`, `${k(large)} ÷ ${k(small)}`);
  }
  head.push(`p99 ms at ${k(large)} (${targets.map((t) => NAMES[t] ?? t).join(' / ')})`);
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const ops = [...new Set(rows.map((r) => r.op))];
  const notes: string[] = [];
  for (const op of ops) {
    const cells = [
      op,
      String(find(op, 'postgres', large)?.statements ?? find(op, 'postgres', small)?.statements ?? '–'),
    ];
    for (const t of targets) {
      const a = find(op, t, small);
      const b = find(op, t, large);
      const ratio = pairedRatio(
        rows,
        (r) => r.op === op && r.target === t && r.size === large,
        (r) => r.op === op && r.target === t && r.size === small,
      );
      cells.push(fixed(a?.rps), fixed(b?.rps), fixed(ratio, 2));
    }
    cells.push(targets.map((t) => fixed(find(op, t, large)?.p99)).join(' / '));
    lines.push(`| ${cells.join(' | ')} |`);
    for (const r of rows.filter((r) => r.op === op && r.unexpected)) {
      notes.push(`${op} on ${r.target} at ${k(r.size)}: unexpected answers ${r.unexpected}`);
    }
  }
  for (const size of sizes) {
    const ratio = pairedRatio(
      rows,
      (r) => r.op === 'list' && r.target === 'postgres' && r.size === size,
      (r) => r.op === 'list floor (node:http + pg)' && r.target === 'postgres' && r.size === size,
    );
    if (!Number.isNaN(ratio)) notes.push(`list page ÷ floor on PostgreSQL at ${k(size)}: ${ratio.toFixed(2)}`);
  }
  notes.push("ratios are the median of each run's own ratio (figures measured seconds apart)");
  const loads = [...new Set(rows.map((r) => r.load))];
  notes.push(
    `load average (1 min) while measuring: ${loads.length ? `${String(Math.min(...loads.map(Number)))}–${String(Math.max(...loads.map(Number)))}` : '–'}`,
  );
  return `${lines.join('\n')}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
}
