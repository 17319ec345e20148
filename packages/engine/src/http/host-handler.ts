/**
 * What a host serves over its engine, as one handler: the API, and, where the host mounts them (the mock always,
 * the server with `testControls`), the `/__mock` controls, whose injected faults then apply to the API.
 */
import { type ApiHandlerOptions, createApiHandler } from './api-handler.js';
import {
  type ControlOperations,
  type FaultOptions,
  createControlsHandler,
  injectedFaults,
} from './controls-handler.js';
import { composeHandlers } from './dispatch.js';
import type { FetchHandler } from './router.js';

export interface HostHandlerOptions<C> extends ApiHandlerOptions<C> {
  /** Mounts the `/__mock` controls over these; without them the API alone is served. */
  controls?: (ControlOperations & Parameters<typeof injectedFaults>[0]) | undefined;
  /** How injected faults decide and wait (tests). */
  faults?: FaultOptions;
}

export function createHostHandler<C>({ controls, faults, ...api }: HostHandlerOptions<C>): FetchHandler {
  if (!controls) return createApiHandler(api);
  return composeHandlers([
    // The controls' failures go where the API's go (the server's log, with the request id), not to the console.
    createControlsHandler({ controls, allowOrigins: api.allowOrigins, onError: api.onError }),
    createApiHandler({ ...api, intercept: injectedFaults(controls, faults) }),
  ]);
}
