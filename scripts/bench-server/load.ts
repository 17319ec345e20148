/**
 * Load over real HTTP with autocannon (127.0.0.1 only, bounded by duration or request count), and the statements
 * one request costs, from PostgreSQL's own pg_stat_statements.
 */
import autocannon from 'autocannon';
import type pg from 'pg';
import type { Operation } from './operations.js';

export const ADMIN_TOKEN = 'Bearer acme-admin';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers other than the expected status (by status), and connection errors. */
  unexpected: string;
}

/** Request `i` of an operation, as autocannon sends it. */
function requestOf(op: Operation, i: number): autocannon.Request {
  const body = op.body?.(i);
  const headers: Record<string, string> = { ...op.headers?.(i) };
  if (op.admin) headers['authorization'] = ADMIN_TOKEN;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    method: op.method,
    path: op.path(i),
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

/** One request through fetch (the statement count's request, and a check that the operation answers as expected). */
export async function once(url: string, op: Operation, i: number): Promise<void> {
  const request = requestOf(op, i);
  const response = await fetch(`${url}${request.path ?? ''}`, {
    method: request.method ?? 'GET',
    headers: request.headers as Record<string, string>,
    ...(request.body === undefined ? {} : { body: String(request.body) }),
  });
  const text = await response.text();
  if (response.status !== op.expect) {
    throw new Error(
      `${op.name}: ${request.method ?? ''} ${request.path ?? ''} answered ${String(response.status)} ${text}`,
    );
  }
}

/** Runs the operation under load, its requests numbered from `first`. */
export async function load(
  url: string,
  op: Operation,
  first: number,
  options: { duration: number; connections: number },
): Promise<LoadResult> {
  const connections = Math.min(op.connections ?? options.connections, op.amount ?? Infinity);
  const result = await cannon(
    url,
    op,
    first,
    connections,
    op.amount === undefined ? { duration: options.duration } : { amount: op.amount },
  );
  // A read too slow to finish a few requests per connection in the duration is measured on a fixed number.
  if (op.amount === undefined && result.requests < 2 * connections) {
    return cannon(url, op, first + result.requests + connections, connections, { amount: 2 * connections });
  }
  return result;
}

async function cannon(
  url: string,
  op: Operation,
  first: number,
  connections: number,
  bound: { duration: number } | { amount: number },
): Promise<LoadResult> {
  let next = first;
  let firstUnexpected = '';
  const started = performance.now();
  // autocannon notices the last answer only at its next whole-second tick: a run of a fixed number of requests
  // is timed to its last answer instead, so a write of 30 requests in 0.4 s reads 75/s, not 30/s.
  let lastAnswer = started;
  const result = await autocannon({
    url,
    connections,
    ...bound,
    timeout: 60,
    requests: [
      {
        setupRequest: (request) => ({ ...request, ...requestOf(op, next++) }),
        onResponse: (status, body) => {
          lastAnswer = performance.now();
          if (status !== op.expect && !firstUnexpected) firstUnexpected = `${String(status)} ${body.slice(0, 200)}`;
        },
      },
    ],
  });
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => Number(status) !== op.expect)
    .map(([status, stats]) => `${status}×${String(stats.count ?? 0)}`);
  if (result.errors > 0) unexpected.push(`errors×${String(result.errors)}`);
  const answered = Object.values(result.statusCodeStats ?? {}).reduce((sum, s) => sum + (s.count ?? 0), 0);
  return {
    rps: answered / ((lastAnswer - started) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: answered,
    unexpected: unexpected.length ? `${unexpected.join(' ')} (first: ${firstUnexpected})` : '',
  };
}

/** Statements PostgreSQL ran for `run` (top level, BEGIN and COMMIT included), from pg_stat_statements. */
export async function countStatements(
  client: pg.Client,
  run: () => Promise<void>,
): Promise<{ total: number; statements: string[] }> {
  await client.query('SELECT pg_stat_statements_reset()');
  await run();
  const { rows } = await client.query<{ calls: string; query: string }>(
    `SELECT calls, query FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT LIKE '%pg_stat_statements%'
     ORDER BY calls DESC`,
  );
  return {
    total: rows.reduce((sum, r) => sum + Number(r.calls), 0),
    statements: rows.map((r) => `${r.calls}× ${r.query.replace(/\s+/g, ' ').slice(0, 160)}`),
  };
}
