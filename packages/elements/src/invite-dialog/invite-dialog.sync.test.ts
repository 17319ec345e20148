import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { button, findButton } from '../../test/dom.js';
import '../define/invite-dialog.js';
import '../define/invitation-table.js';
import '../define/invitekit-provider.js';
import type { InviteDialog } from './invite-dialog.js';

describe('<invite-dialog> in sync', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('a send from a dialog outside the table refreshes the table under the same provider', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<invitekit-provider .client=${clientAs('acme-admin')} lang="en">
        <invitation-table></invitation-table>
        <invite-dialog></invite-dialog>
      </invitekit-provider>`,
    );
    const table = wrapper.querySelector('invitation-table');
    const dialog = wrapper.querySelector<InviteDialog>('invite-dialog');
    if (!table || !dialog) throw new Error('the fixture is incomplete');
    await waitUntil(() => findButton(table, 'Actions for jane@example.com'), 'the table never loaded');
    dialog.show();
    await dialog.updateComplete;
    const textarea = dialog.shadowRoot?.querySelector('textarea');
    if (!textarea) throw new Error('no textarea');
    textarea.value = 'new.colleague@example.com';
    textarea.dispatchEvent(new Event('input'));
    const sent = new Promise<number>((resolve) => {
      dialog.addEventListener(
        'invitekit-invitations-sent',
        (event) => {
          resolve(event.detail.sent.length);
        },
        { once: true },
      );
    });
    button(dialog, 'Send invitations').click();
    expect(await sent).to.equal(1);
    await waitUntil(
      () => findButton(table, 'Actions for new.colleague@example.com'),
      'the table never showed the new invitation',
    );
  });
});
