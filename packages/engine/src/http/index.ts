/**
 * `@invitekit/engine/http`: the HTTP contract of api.md as framework-free fetch handlers,
 * `(request: Request) => Promise<Response>`, shared by the mock server (MSW and Node) and `@invitekit/server`.
 * Node's `http` in front of them is the Node-only subpath `@invitekit/engine/http/node`.
 */
export { type ApiHandlerOptions, type ApiOperations, createApiHandler, credentialsOf } from './api-handler.js';
export {
  type ControlOperations,
  type ControlsHandlerOptions,
  type FaultOptions,
  createControlsHandler,
  injectedFaults,
} from './controls-handler.js';
export { type FetchHandler, type RouterOptions } from './router.js';
export { composeHandlers, methodRefusal } from './dispatch.js';
export { type HostHandlerOptions, createHostHandler } from './host-handler.js';
export { normalizeOrigin } from './cors.js';
export { HttpRefusal, json, noContent, problem, problemFromError } from './problem.js';
