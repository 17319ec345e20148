'use client';
/** `<InvitekitProvider>`: the React component of `<invitekit-provider>` (defines the element). */
import { InvitekitProvider as InvitekitProviderElement } from '../define/invitekit-provider.js';
import { wrap } from '../shared/react-component.js';

export const InvitekitProvider = wrap('invitekit-provider', InvitekitProviderElement, []);
