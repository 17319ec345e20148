import { fixture, html, waitUntil } from '@open-wc/testing';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { atWidth, expectActionsReachable, expectNoHorizontalOverflow, WIDTHS } from '../../test/viewport.js';
import '../define/request-invite-form.js';
import type { RequestInviteForm } from './request-invite-form.js';

describe('<request-invite-form> on a phone and a laptop', () => {
  beforeEach(async () => {
    await mockApi();
  });

  for (const width of WIDTHS) {
    it(`fits ${width} px, the form and its errors: no sideways scroll, every field reachable, axe clean`, async () => {
      await atWidth(width);
      const el = await fixture<RequestInviteForm>(
        html`<request-invite-form lang="en" organization="acme" .client=${clientAs()}></request-invite-form>`,
      );
      await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form never drew');
      expectNoHorizontalOverflow(el);
      expectActionsReachable(el, ['Email', 'Name', 'Message', 'Request invitation']);
      await expectAccessibleInBothThemes(el);
      el.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await waitUntil(() => el.shadowRoot?.querySelector('[aria-invalid="true"]'), 'no error for the empty email');
      expectNoHorizontalOverflow(el);
      await expectAccessibleInBothThemes(el);
    });
  }
});
