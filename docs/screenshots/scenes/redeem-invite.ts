/**
 * Screenshot scene for `<redeem-invite>`: `?state=` picks the invitation and what happens to it (pending,
 * confirm-decline, accepted, declined, expired, revoked, ask-again, used, unknown, no-code, mismatch, error, loading, fr).
 */
import { SEED_CODES } from '@invitekit/mock-server/browser';
import { createClient } from '@invitekit/sdk';
import '@invitekit/elements/redeem-invite';
import { startMock } from './scene.js';
import type { RedeemInvite } from '@invitekit/elements/redeem-invite';

const DAY = 24 * 60 * 60 * 1000;
const state = new URLSearchParams(location.search).get('state') ?? 'pending';
const { mock } = await startMock();

const admin = createClient({ baseUrl: '/api', organization: 'acme', token: 'acme-admin', retry: 0 });
// The mismatch needs a signed-in person whose address is not the invited one: Ada, the admin.
const client = state === 'mismatch' ? admin : createClient({ baseUrl: '/api', retry: 0 });
const el: RedeemInvite = document.createElement('redeem-invite');
el.client = client;
// Omar's invitation names a role; Jane's has the default role.
const code: Record<string, string | undefined> = {
  pending: SEED_CODES.omar,
  fr: SEED_CODES.omar,
  used: SEED_CODES.grace,
  unknown: 'c2VlZC1ub3QtYS1yZWFsLWNvZGU',
  'no-code': undefined,
};
const chosen = state in code ? code[state] : SEED_CODES.jane;
if (chosen) el.code = chosen;
if (state === 'fr') document.documentElement.lang = 'fr';
if (state === 'expired') await mock.advanceClock(8 * DAY);
if (state === 'revoked' || state === 'ask-again') await admin.invitations.revoke('inv_jane');
if (state === 'error') await mock.setFaults({ failureRate: 1 });
if (state === 'loading') await mock.setFaults({ latencyMs: 60_000 });
document.querySelector('main')?.append(el);

const root = el.renderRoot;
async function until(test: () => unknown): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
}
const findButton = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
function button(name: string): HTMLButtonElement {
  const found = findButton(name);
  if (!found) throw new Error(`scene: no "${name}" button`);
  return found;
}

if (state === 'loading') {
  await until(() => root.querySelector('[part="status"]'));
} else {
  await until(() => el.state !== undefined);
  if (state === 'accepted' || state === 'mismatch') {
    button('Accept invitation').click();
    await until(() => el.state !== 'pending');
  } else if (state === 'ask-again') {
    await until(() => findButton('Ask for a new invitation'));
    button('Ask for a new invitation').click();
    await until(() => root.querySelector('request-invite-form')?.shadowRoot?.querySelector('form'));
  } else if (state === 'expired') {
    await until(() => findButton('Ask for a new invitation'));
  } else if (state === 'confirm-decline' || state === 'declined') {
    button('Decline').click();
    await until(() => root.querySelector('[role="alertdialog"]'));
    if (state === 'declined') {
      button('Decline invitation').click();
      await until(() => el.state === 'declined');
    }
  }
}
document.body.dataset.ready = 'true';
