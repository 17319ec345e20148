/// <reference types="mocha" />
// Every width from 320 to 1600 px in 16 px steps, and the CSS viewports that 200 % and 400 % zoom make of
// common windows: no sideways scroll, and every row's menu button and toolbar button on screen by its name.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectActionsReachable, expectNoHorizontalOverflow } from '../../test/viewport.js';
import { shadow } from '../../test/dom.js';
import '../define/invitation-table.js';
import '../define/invitation-requests.js';
import type { InvitationTable } from './invitation-table.js';
import type { InvitationRequests } from '../invitation-requests/invitation-requests.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function renderBoth() {
  const client = clientAs('acme-admin');
  const page = await fixture<HTMLElement>(
    html`<main style="padding: 8px">
      <invitation-table lang="en" .client=${client}></invitation-table>
      <invitation-requests lang="en" .client=${client}></invitation-requests>
    </main>`,
  );
  const table = page.querySelector('invitation-table') as InvitationTable;
  const requests = page.querySelector('invitation-requests') as InvitationRequests;
  await waitUntil(() => shadow(table).querySelector('tbody tr[part="row"]'), 'rows never loaded', { timeout: 4000 });
  await waitUntil(() => shadow(requests).querySelector('li, tr, [part="row"]'), 'requests never loaded', {
    timeout: 4000,
  });
  return { table, requests };
}

const names = ['Invite users', 'Export CSV', 'Revoke stale invitations', 'Actions for jane@example.com'];

async function check(width: number, height: number, table: InvitationTable, requests: InvitationRequests) {
  await setViewport({ width, height });
  await frame();
  await frame();
  try {
    expectNoHorizontalOverflow(table);
    expectNoHorizontalOverflow(requests);
    expectActionsReachable(table, names);
  } catch (error) {
    throw new Error(`at ${String(width)}×${String(height)}: ${(error as Error).message}`);
  }
}

describe('<invitation-table> and <invitation-requests> at every width', () => {
  before(async () => {
    await mockApi();
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('scroll nowhere sideways from 320 to 1600 px in 16 px steps, every action reachable', async () => {
    const { table, requests } = await renderBoth();
    let checked = 0;
    for (let width = 320; width <= 1600; width += 16) {
      await check(width, 800, table, requests);
      checked += 1;
    }
    expect(checked).to.equal(81);
  });

  // A window of W×H at Z % zoom is a CSS viewport of W/Z × H/Z.
  for (const [label, width, height] of [
    ['1280×800 at 125 %', 1024, 640],
    ['1366×768 at 200 %', 683, 384],
    ['1600×900 at 200 %', 800, 450],
    ['1280×800 at 200 %', 640, 400],
    ['1280×900 at 400 %', 320, 225],
  ] as const) {
    it(`scrolls nowhere sideways at ${label}`, async () => {
      const { table, requests } = await renderBoth();
      await check(width, height, table, requests);
    });
  }
});
