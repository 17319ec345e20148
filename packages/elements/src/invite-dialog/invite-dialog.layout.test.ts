import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { atWidth, expectActionsReachable, expectNoHorizontalOverflow, WIDTHS } from '../../test/viewport.js';
import '../define/invite-dialog.js';
import type { InviteDialog } from './invite-dialog.js';

/** Forty addresses, some long, one a member, one not an address: a preview much taller than a phone. */
const MANY = [
  ...Array.from({ length: 38 }, (_, i) => `person.number.${i}.from.a.rather.long.department.name@example.com`),
  'viewer@acme.test',
  'not-an-address',
].join(', ');

async function openWith(text: string) {
  const el = await fixture<InviteDialog>(
    html`<invite-dialog
      lang="en"
      .client=${clientAs('acme-admin')}
      .roles=${[{ value: 'member', label: 'Member' }]}
    ></invite-dialog>`,
  );
  el.show();
  await el.updateComplete;
  const root = el.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const textarea = root.querySelector('textarea');
  if (!textarea) throw new Error('no textarea');
  textarea.value = text;
  textarea.dispatchEvent(new Event('input'));
  await waitUntil(
    () => /will be sent/.test(root.querySelector('.preview [role="status"]')?.textContent ?? ''),
    'no preview',
  );
  await el.updateComplete;
  return { el, root };
}

describe('<invite-dialog> on a phone and a laptop', () => {
  beforeEach(async () => {
    await mockApi();
  });

  for (const width of WIDTHS) {
    it(`at ${width} px: the preview grows with the dialog, whose body scrolls as one; Send stays in view; axe clean`, async () => {
      await atWidth(width);
      const { el, root } = await openWith(MANY);
      const dialog = root.querySelector('dialog');
      const preview = root.querySelector<HTMLElement>('.preview');
      if (!dialog || !preview) throw new Error('no dialog or preview');
      expect(preview.querySelectorAll('li')).to.have.length(40);
      // No scroll box of its own (axe: scrollable-region-focusable): the whole list is laid out…
      expect(preview.scrollHeight).to.be.at.most(preview.clientHeight + 1);
      // …and the dialog, which holds every control, is what scrolls.
      expect(dialog.scrollHeight).to.be.greaterThan(dialog.clientHeight);
      expect(dialog.getBoundingClientRect().bottom).to.be.at.most(innerHeight);
      const send = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Send invitations');
      if (!send) throw new Error('no Send');
      expect(send.getBoundingClientRect().bottom, 'Send is on screen with the list scrolled to its top').to.be.at.most(
        innerHeight,
      );
      expectNoHorizontalOverflow(el);
      expectActionsReachable(el, ['Email addresses', 'Upload CSV', 'Close', 'Send invitations']);
      await expectAccessibleInBothThemes(el);

      // The keyboard reaches the end of the list: Tab from the field moves through the controls to Send.
      root.querySelector('textarea')?.focus();
      for (let i = 0; i < 6 && root.activeElement !== send; i++) await sendKeys({ press: 'Tab' });
      expect(root.activeElement).to.equal(send);
    });
  }

  it('fits 320 px with the result of a send, a long address wrapping in the list of who was invited', async () => {
    await atWidth(320);
    const { el, root } = await openWith(
      'viewer@acme.test, someone.with.a.rather.long.address.from.the.finance.department@example.com',
    );
    [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Send invitations')?.click();
    await waitUntil(() => root.querySelector('.result'), 'no result');
    await el.updateComplete;
    expectNoHorizontalOverflow(el);
    expectActionsReachable(el, ['Invite more people', 'Close']);
    await expectAccessibleInBothThemes(el);
  });

  it('at 400 % zoom (320×225): the footer scrolls with the form and never covers the focused field', async () => {
    await setViewport({ width: 320, height: 225 });
    try {
      const { el, root } = await openWith('zoom@example.com');
      const field = root.querySelector('textarea');
      field?.focus();
      field?.scrollIntoView({ block: 'nearest' });
      await el.updateComplete;
      const buttons = root.querySelector('.buttons');
      expect(getComputedStyle(buttons as Element).position, 'not sticky').to.equal('static');
      const a = field?.getBoundingClientRect();
      const b = buttons?.getBoundingClientRect();
      const overlaps = a && b && b.top < a.bottom && b.bottom > a.top;
      expect(overlaps, 'the footer covers the field').to.equal(false);
      expectNoHorizontalOverflow(el);
    } finally {
      await atWidth(800);
    }
  });
});
