/**
 * The invitekit rules engine: plain TypeScript over a transactional store (store.ts), no HTTP and no MSW.
 * {@link Engine} is what production runs; {@link ControlledEngine} adds the test controls for the mock.
 */
export { Engine, type AcceptedEvent, type EngineHooks, type EngineOptions } from './engine.js';
export { ControlledEngine, type ControlledEngineOptions } from './controlled-engine.js';
export type { OrganizationInput, JoinOutsideInvitation } from './host.js';
export { EngineError, attempt, type EngineResult } from './errors.js';
export { type Ctx, type RandomSource, cryptoRandom, seededRandom } from './context.js';
export type { RealNow } from './controls.js';
export { SEED_CODES, type SeedName, seedState } from './seed.js';
export {
  type StoreState,
  type OutboxMessage,
  type Faults,
  type TokenRecord,
  type IdempotencyRecord,
  STATE_VERSION,
  parseState,
  cloneState,
} from './state.js';
export { csvField, csvText, EXPORT_HEADER, EXPORT_PAGE_SIZE } from './export.js';
export { type Actor, type Credentials, tokenActor, tokenAuthenticator } from './auth.js';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { compareCodePoints } from './keyset.js';
export * from './store.js';
export * from './limits.js';
export { MalformedJson } from './validate.js';
export { isStorable } from './text.js';
