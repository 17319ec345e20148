import type { PropertyDeclarations } from 'lit';
import type { ClientOptions } from '@invitekit/sdk';
import { BaseElement } from './base-element.js';
import { kitMadeClient } from './not-connected.js';

/**
 * The base of the admin elements (and of a host's own elements that need the whole SDK): everything
 * {@link BaseElement} shares, and, for a lone element, a client of its own with every call.
 */
export class InvitekitElement extends BaseElement {
  static override properties: PropertyDeclarations = { signInUrl: { attribute: 'sign-in-url' } };

  /**
   * Where people sign in: when set, the signed-out message ends with a "Sign in" link to it. A host that needs
   * more puts its own content in the element's `signed-out` slot instead.
   */
  signInUrl?: string;

  protected override async loadOwnClient(options: ClientOptions): Promise<void> {
    const { createClient } = await import('@invitekit/sdk/client');
    this.client ??= kitMadeClient(createClient(options), options.baseUrl);
  }
}
