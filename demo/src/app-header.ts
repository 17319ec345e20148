/** The product's header, shared by every page: the demo toolbar above it, then the brand, its pages and who is in. */
import type { Faults } from '@invitekit/mock-server';
import { DemoToolbar } from './demo-toolbar.js';
import { currentPerson } from './session.js';

const pages = [
  { href: '/', label: 'Settings › Users' },
  { href: '/login/', label: 'Login page' },
  { href: '/mailbox/', label: 'Mailbox' },
];

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `faults`: the mock's network settings, which the toolbar shows. */
export function renderHeader(faults: Faults): void {
  const header = document.createElement('header');
  header.className = 'app-header';
  const links = pages
    .map((page) => {
      const current = location.pathname === page.href ? ' aria-current="page"' : '';
      return `<a href="${page.href}"${current}>${page.label}</a>`;
    })
    .join('');
  const person = currentPerson();
  const who = person.token
    ? `<span class="avatar" aria-hidden="true">${escape(person.name.charAt(0))}</span>${escape(person.name)}`
    : 'Not signed in';
  header.innerHTML = `<a class="brand" href="/"><img src="/favicon.svg" alt="" width="24" height="24" />Acme Analytics</a>
    <nav aria-label="Product">${links}</nav>
    <span class="who">${who}</span>`;
  const toolbar = new DemoToolbar();
  toolbar.faults = faults;
  document.body.prepend(toolbar, header);
}
