/** Node tests: the mock behind MSW's `setupServer` (call `server.listen()` yourself, as with any MSW server). */
import { type SetupServer, setupServer } from 'msw/node';
import { type CreateMockOptions, type Mock, createMock } from './index.js';

export * from './index.js';

export function setupMockServer(options: CreateMockOptions = {}): { server: SetupServer; mock: Mock } {
  const mock = createMock(options);
  return { server: setupServer(...mock.handlers), mock };
}
