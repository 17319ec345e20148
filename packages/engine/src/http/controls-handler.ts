/**
 * The `/__mock` controls of api.md (reset, clock, outbox, joins outside invitations, faults) as a fetch-style
 * handler over anything that implements them: the mock's engine, or a server started with test controls.
 * No credentials; the same body, query and problem rules as the API.
 */
import { invalidRequest, json, noContent, problem } from './problem.js';
import { singleParams } from './query.js';
import { type FetchHandler, type Route, type RouterOptions, createRouter } from './router.js';

type Awaitable<T> = T | Promise<T>;

export interface ControlOperations {
  /** Checks the body (`{ seed? }`, absent meaning the default seed), then resets. */
  resetFromBody(body: unknown): Awaitable<void>;
  /** The mock clock, epoch milliseconds. */
  now(): Awaitable<number>;
  setClock(when: string): Awaitable<number>;
  advanceClock(ms: number): Awaitable<number>;
  outbox(to: string | null): Awaitable<unknown[]>;
  joinMember(org: string, body: unknown): Awaitable<{ member: unknown; created: boolean }>;
  setFaults(body: unknown): Awaitable<unknown>;
}

export interface ControlsHandlerOptions extends Omit<RouterOptions, 'basePath'> {
  controls: ControlOperations;
  /** Default `/__mock`. */
  basePath?: string;
}

const isoOf = (ms: number) => ({ now: new Date(ms).toISOString() });

export function createControlsHandler(options: ControlsHandlerOptions): FetchHandler {
  const { controls } = options;
  const routes: Route[] = [
    {
      method: 'POST',
      path: '/reset',
      handle: async ({ body }) => {
        await controls.resetFromBody(body);
        return noContent();
      },
    },
    { method: 'GET', path: '/clock', handle: async () => json(isoOf(await controls.now())) },
    {
      method: 'POST',
      path: '/clock',
      handle: async ({ body }) => {
        const { now, advanceMs, ...rest } = body ?? {};
        const unknown = Object.keys(rest)[0];
        if (unknown !== undefined) throw invalidRequest(unknown, 'Unknown field (send advanceMs or now)');
        if (now !== undefined && advanceMs !== undefined)
          throw invalidRequest('now', 'Send advanceMs or now, not both');
        if (now !== undefined) {
          if (typeof now !== 'string') throw invalidRequest('now', 'Must be an ISO 8601 time');
          return json(isoOf(await controls.setClock(now)));
        }
        if (typeof advanceMs !== 'number') throw invalidRequest('advanceMs', 'Must be a number of milliseconds ≥ 0');
        return json(isoOf(await controls.advanceClock(advanceMs)));
      },
    },
    {
      method: 'GET',
      path: '/outbox',
      handle: async ({ url }) => json({ items: await controls.outbox(singleParams(url).get('to') || null) }),
    },
    {
      method: 'POST',
      path: '/orgs/:org/members',
      handle: async ({ params, body }) => {
        const { member, created } = await controls.joinMember(params['org'] ?? '', body);
        return json(member, created ? 201 : 200);
      },
    },
    {
      method: 'POST',
      path: '/faults',
      handle: async ({ body }) => {
        await controls.setFaults(body ?? {});
        return noContent();
      },
    },
  ];
  return createRouter(routes, { ...options, basePath: options.basePath ?? '/__mock' });
}

export interface FaultOptions {
  /** Decides injected failures, a number in [0, 1) (default `Math.random`). */
  chance?: () => number;
  /** How a latency fault waits (default a timer); tests record instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The `/__mock/faults` setting applied to the API (the router's `intercept`): each answer waits `latencyMs`, and
 * fails with `unavailable` at `failureRate`, before any rule runs, as a slow or failing network would. Read on
 * every request, so all processes sharing a store inject the same faults.
 */
export function injectedFaults(
  source: { faults(): Awaitable<{ latencyMs: number; failureRate: number }> },
  options: FaultOptions = {},
): (request: Request) => Promise<Response | undefined> {
  const { chance = Math.random } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async () => {
    const { latencyMs, failureRate } = await source.faults();
    if (latencyMs > 0) await sleep(latencyMs);
    if (failureRate > 0 && chance() < failureRate) {
      return problem('unavailable', 'The service is unavailable (a fault injected through /__mock/faults).', {
        headers: { 'Retry-After': '1' },
      });
    }
    return undefined;
  };
}
