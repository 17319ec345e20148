// Each import defines one element (the table brings the invite dialog along).
import '@invitekit/elements/invitekit-provider';
import '@invitekit/elements/invitation-table';
import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { InvitekitEvent, InviteRole } from '@invitekit/elements';
import { createClient } from '@invitekit/sdk/client';

@Component({
  selector: 'app-root',
  // The invitekit tags are custom elements: Angular passes [client] and [roles] as properties and listens to
  // (invitekit-invitations-sent) as a DOM event, checked by strictTemplates for everything but the tags themselves.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Invitations</h1>
      <invitekit-provider [client]="client">
        <invitation-table
          page-size="10"
          [roles]="roles"
          (invitekit-invitations-sent)="onSent($event)"
        ></invitation-table>
      </invitekit-provider>
      <output>{{ lastSent().length > 0 ? lastSent().length + ' sent: ' + lastSent().join(', ') : '' }}</output>
    </main>
  `,
})
export class AppComponent {
  // One client for the app, for one organization. The mock server's seed admin token stands in for the product's
  // own session.
  protected readonly client = createClient({ baseUrl: '/api', organization: 'acme', token: 'acme-admin' });
  protected readonly roles: InviteRole[] = [
    { value: 'member', label: 'Member' },
    { value: 'admin', label: 'Admin' },
  ];
  protected readonly lastSent = signal<string[]>([]);

  protected onSent(event: Event): void {
    // Angular types an unknown element's events as Event; this one is the kit's typed CustomEvent.
    const { detail } = event as InvitekitEvent<'invitekit-invitations-sent'>;
    this.lastSent.set(detail.sent.map((invitation) => invitation.email));
  }
}
