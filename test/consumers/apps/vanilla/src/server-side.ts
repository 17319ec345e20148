// Node-side code of a TypeScript consumer (type-checked, never bundled for the page): the mock server's API and
// importing an element module where there is no DOM (server-side rendering) must both type-check.
import { createMock, type Mock } from '@invitekit/mock-server';
import { setupMockServer } from '@invitekit/mock-server/node';
import type { InvitekitEventName } from '@invitekit/elements';

export const mock: Mock = createMock({ seed: 'default' });
export const { server } = setupMockServer({ seed: 'empty' });
export const sentEvent: InvitekitEventName = 'invitekit-invitations-sent';
