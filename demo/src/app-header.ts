/**
 * The product's header and the demo toolbar above it, shared by every page. Both are in the page's HTML from the
 * start (shell.ts); this fills in who is signed in and starts the toolbar.
 */
import type { Faults } from '@invitekit/mock-server';
import { required } from './dom.js';
import { startToolbar } from './demo-toolbar.js';
import { currentPerson } from './session.js';

/** `faults`: the mock's network settings, which the toolbar shows. */
export function renderHeader(faults: Faults): void {
  const person = currentPerson();
  const who = required('.app-header .who', HTMLElement);
  if (person.token) {
    const avatar = document.createElement('span');
    avatar.className = 'avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.textContent = person.name.charAt(0);
    who.replaceChildren(avatar, person.name);
  } else {
    who.textContent = 'Not signed in';
  }
  startToolbar(faults);
}
