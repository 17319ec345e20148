/** The benchmark's table (markdown, for the server README): throughput per size, the growth ratio, p99, statements. */
import type { LoadResult } from './load.js';

export interface Row extends LoadResult {
  op: string;
  target: string;
  size: number;
  statements: number | null;
  /** The one-minute load average when the operation finished. */
  load: string;
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
      cells.push(fixed(a?.rps), fixed(b?.rps), a && b ? fixed(b.rps / a.rps, 2) : '–');
    }
    cells.push(targets.map((t) => fixed(find(op, t, large)?.p99)).join(' / '));
    lines.push(`| ${cells.join(' | ')} |`);
    for (const r of rows.filter((r) => r.op === op && r.unexpected)) {
      notes.push(`${op} on ${r.target} at ${k(r.size)}: unexpected answers ${r.unexpected}`);
    }
  }
  for (const size of sizes) {
    const list = find('list', 'postgres', size);
    const floor = find('list floor (node:http + pg)', 'postgres', size);
    if (list && floor)
      notes.push(`list page ÷ floor on PostgreSQL at ${k(size)}: ${(list.rps / floor.rps).toFixed(2)}`);
  }
  const loads = [...new Set(rows.map((r) => r.load))];
  notes.push(
    `load average (1 min) while measuring: ${loads.length ? `${String(Math.min(...loads.map(Number)))}–${String(Math.max(...loads.map(Number)))}` : '–'}`,
  );
  return `${lines.join('\n')}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
}
