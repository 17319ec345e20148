import type { PropertyDeclarations } from 'lit';
import type { ClientOptions, PublicClient } from '@invitekit/sdk';
import { BaseElement } from './base-element.js';

/**
 * The base of the elements for pages where nobody is signed in. They need only the public calls, so a lone one
 * loads the public client, and a login page downloads none of the admin calls or their schemas. It extends
 * {@link BaseElement}, not `InvitekitElement`, so that not even a lazy import of the whole client is in its graph.
 */
export abstract class PublicElement extends BaseElement {
  static override properties: PropertyDeclarations = { ownClient: { state: true } };

  private ownClient?: PublicClient;

  /** The client to call: the one given (provider or property), else the element's own public client. */
  protected get api(): PublicClient | undefined {
    return this.client ?? this.ownClient;
  }

  protected override async loadOwnClient(options: ClientOptions): Promise<void> {
    const { createPublicClient } = await import('@invitekit/sdk/public');
    this.ownClient = createPublicClient(options);
  }
}
