/** The mock's outbox as a mailbox, so an invitation can be followed end to end. */
import { required } from './dom.js';
import { html, render } from 'lit';
import type { OutboxMessage } from '@invitekit/mock-server';
import { boot } from './boot.js';
import { flash } from './demo-toolbar.js';
import { signInAs } from './session.js';

const kinds: Record<OutboxMessage['kind'], string> = {
  invitation: 'Invitation',
  resend: 'Reminder',
  renewal: 'New invitation',
};

await boot();
const response = await fetch('/__mock/outbox');
const { items } = (await response.json()) as { items: OutboxMessage[] };
const newestFirst = [...items].reverse();
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const list = required('#messages', HTMLElement);
const count = required('#count', HTMLElement);
const filter = required('#filter', HTMLInputElement);

// The invitee opens the link in their own browser, where nobody is signed in to Acme Analytics. Accepting while
// signed in as someone else would (rightly) be refused as meant for another address.
function openAsInvitee() {
  signInAs('');
  flash('Opened as the invitee: signed out');
}

function show() {
  const q = filter.value.trim().toLowerCase();
  const shown = newestFirst.filter((m) => m.to.toLowerCase().includes(q));
  count.textContent =
    items.length === 0
      ? 'No messages yet: invite someone from Settings › Users.'
      : `${shown.length} of ${items.length} ${items.length === 1 ? 'message' : 'messages'}`;
  render(
    shown.map(
      (m) =>
        html`<li class="message">
          <div class="message-head">
            <span class="kind kind-${m.kind}">${kinds[m.kind]}</span>
            <strong>${m.subject}</strong>
            <time datetime=${m.sentAt}>${when.format(new Date(m.sentAt))}</time>
          </div>
          <div class="muted">From Acme Inc. · To ${m.to}</div>
          <p>
            <a href=${m.url} @click=${openAsInvitee}>Open invitation for ${m.to}</a>
            <span class="muted">· code <code>${m.code}</code></span>
          </p>
        </li>`,
    ),
    list,
  );
}

filter.addEventListener('input', show);
show();
