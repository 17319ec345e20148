/**
 * Screenshot scene for `<request-invite-form>`: `?state=` picks what the mock and the form show
 * (form, invalid, confirmation, rate-limited, closed, unknown, error, loading, fr).
 */
import { createClient } from '@invitekit/sdk';
import '@invitekit/elements/request-invite-form';
import { startMock } from './scene.js';
import type { RequestInviteForm } from '@invitekit/elements/request-invite-form';

const state = new URLSearchParams(location.search).get('state') ?? 'form';
const { mock } = await startMock();

const client = createClient({ baseUrl: '/api', retry: 0 });
const el: RequestInviteForm = document.createElement('request-invite-form');
el.organization = state === 'closed' ? 'globex' : state === 'unknown' ? 'initech' : 'acme';
el.client = client;
if (state === 'fr') document.documentElement.lang = 'fr';
if (state === 'error') await mock.setFaults({ failureRate: 1 });
if (state === 'loading') await mock.setFaults({ latencyMs: 60_000 });
if (state === 'rate-limited') {
  for (let i = 0; i < 5; i++) await client.requests.submit({ email: 'jane.doe@example.com' }, { organization: 'acme' });
  await mock.advanceClock(48 * 60_000);
}
/** The node `found`, or a clear failure of the scene when it is missing. */
function present<T>(found: T | null | undefined, what: string): T {
  if (found == null) throw new Error(`scene: no ${what}`);
  return found;
}
present(document.querySelector('main'), '<main> in the page').append(el);

const root = present(el.shadowRoot, 'shadow root on <request-invite-form>');
async function until(test: () => unknown): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
}
const field = (name: string) => present(root.querySelector<HTMLInputElement>(`[name="${name}"]`), `field ${name}`);
const submit = () => {
  present(root.querySelector<HTMLButtonElement>('button[type="submit"]'), 'submit button').click();
};

if (state === 'loading') {
  await until(() => root.querySelector('[part="status"]'));
} else if (['closed', 'unknown', 'error'].includes(state)) {
  await until(() => root.querySelector('[part="status"]:not(.muted)'));
} else {
  await until(() => root.querySelector('form'));
  if (state === 'invalid') {
    submit();
    await until(() => root.querySelector('#email-error'));
  } else if (state === 'confirmation' || state === 'rate-limited') {
    field('email').value = 'jane.doe@example.com';
    field('name').value = 'Jane Doe';
    field('message').value = 'I lead the Lisbon office and need the quarterly dashboards.';
    submit();
    await until(() => root.querySelector('[role="alert"], #confirmation'));
  }
}
document.body.dataset.ready = 'true';
