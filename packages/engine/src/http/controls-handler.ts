/**
 * The `/__mock` controls of api.md (reset, clock, outbox, joins outside invitations, faults) as a fetch-style
 * handler over anything that implements them: the mock's engine, or a server started with test controls.
 * No credentials; the same body, query and problem rules as the API.
 */
import { invalidRequest, json, noContent } from './problem.js';
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
