/** The mock's outbox as a mailbox, so an invitation can be followed end to end. */
import { html, render } from 'lit';
import { boot } from './boot.js';

interface Message {
  to: string;
  kind: 'invitation' | 'resend' | 'renewal';
  subject: string;
  url: string;
  sentAt: string;
}

await boot();
const { items } = (await (await fetch('/__mock/outbox')).json()) as { items: Message[] };
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
document.querySelector<HTMLElement>('#empty')!.hidden = items.length > 0;
render(
  [...items].reverse().map(
    (message) => html`<li>
      <strong>${message.subject}</strong>
      <div>To ${message.to} · ${message.kind} · <time datetime=${message.sentAt}>${when.format(new Date(message.sentAt))}</time></div>
      <a href=${message.url}>Open invitation for ${message.to}</a>
    </li>`,
  ),
  document.querySelector('#messages')!,
);
