import type { ClientOptions } from '@invitekit/sdk';
import { BaseElement } from './element.js';

/**
 * The base of the admin elements (and of a host's own elements that need the whole SDK): everything
 * {@link BaseElement} shares, and, for a lone element, a client of its own with every call.
 */
export class InvitekitElement extends BaseElement {
  protected override async loadOwnClient(options: ClientOptions): Promise<void> {
    const { createClient } = await import('@invitekit/sdk/client');
    this.client ??= createClient(options);
  }
}

/** A `page-size` attribute as the API takes it: a whole number from 1 to 100, 25 when unusable. */
export function pageLimit(pageSize: number): number {
  return Math.min(100, Math.max(1, Math.floor(pageSize) || 25));
}
