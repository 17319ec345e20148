import type { ClientOptions } from '@invitekit/sdk';
import { BaseElement } from './base-element.js';
import { kitMadeClient } from './not-connected.js';

/**
 * The base of the admin elements (and of a host's own elements that need the whole SDK): everything
 * {@link BaseElement} shares, and, for a lone element, a client of its own with every call.
 */
export class InvitekitElement extends BaseElement {
  protected override async loadOwnClient(options: ClientOptions): Promise<void> {
    const { createClient } = await import('@invitekit/sdk/client');
    this.client ??= kitMadeClient(createClient(options), options.baseUrl);
  }
}
