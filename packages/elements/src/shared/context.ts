import { createContext } from '@lit/context';
import type { createClient } from '@invitekit/sdk';

/** The SDK client every invitekit element uses. */
export type InvitekitClient = ReturnType<typeof createClient>;

/** Carries one SDK client from `<invitekit-provider>` (or any host provider) to the elements inside it. */
export const clientContext = createContext<InvitekitClient | undefined>(Symbol.for('invitekit.client'));
