/// <reference types="mocha" />
/**
 * The invite dialog's CSV report: every row of the chosen file accounted for (will be invited, skipped with its
 * reason, duplicate of an earlier row, without an address), the counts adding up to the file's rows, the name
 * column said to be unused; by keyboard, axe clean in both themes.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { csvFile, openDialog, textarea, typeAddresses, upload as chooseFile } from '../../test/csv-dialog.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { atWidth, expectActionsReachable, expectNoHorizontalOverflow } from '../../test/viewport.js';
import { $, deepActive, englishLeft, nameOf, shadow, textOf, wordsOf } from '../../test/dom.js';
import { InviteDialog } from './invite-dialog.js';
import { csvReportStrings } from './csv-report.strings.js';

const open = openDialog;
const status = (el: InviteDialog) => $(shadow(el), 'p.csv').textContent.replace(/\s+/g, ' ').trim();
const rowsShown = (el: InviteDialog) =>
  Array.from(shadow(el).querySelectorAll('.csv-rows li')).map((li) => li.textContent.replace(/\s+/g, ' ').trim());

/** Chooses a file of `text` through the "Upload CSV" button, by keyboard. */
const upload = (el: InviteDialog, name: string, text: string) => chooseFile(el, csvFile(name, text));

/** From the "Upload CSV" button, by keyboard: past Close to "Send invitations", then Enter. */
async function sendByKeyboard() {
  await sendKeys({ press: 'Tab' });
  expect(deepActive()?.textContent.trim()).to.be.oneOf(['Close', 'Fermer']);
  await sendKeys({ press: 'Tab' });
  expect(deepActive()?.textContent.trim()).to.be.oneOf(['Send invitations', 'Envoyer les invitations']);
  await sendKeys({ press: 'Enter' });
}

const resultSummary = (el: InviteDialog) => $(shadow(el), '.result p.csv').textContent.replace(/\s+/g, ' ').trim();
const listed = (el: InviteDialog, list: string) =>
  Array.from(shadow(el).querySelectorAll(`${list} li`)).map((li) => li.textContent.replace(/\s+/g, ' ').trim());

const TEAM = [
  'Name,Email,Team',
  'Ann Lee,ann@example.com,Sales', // row 2: will be invited
  'Victor,viewer@acme.test,Ops', // row 3: a member already
  'Jane,jane@example.com,Ops', // row 4: invited already (the seed's pending invitation)
  'Ren,ren.example.com,Support', // row 5: malformed, no @
  'Annie,ANN@example.com,Sales', // row 6: the address of row 2
  'Carl Diaz,,Support', // row 7: no address
  '"Bo, Jr.",bo@example.com,Ops', // row 8: will be invited
].join('\r\n');

/** The rows of TEAM that are not invited, as the report lists them before sending and after. */
const TEAM_NOT_INVITED = [
  'Row 3 viewer@acme.test already a member of the organization',
  'Row 4 jane@example.com already invited',
  'Row 5 ren.example.com malformed address, not added',
  'Row 6 ANN@example.com duplicate of row 2',
  'Row 7 no email address',
];

describe('<invite-dialog> CSV report', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('accounts for every row of the file: invited, skipped with its reason, duplicate of an earlier row, no address', async () => {
    const el = await open();
    await upload(el, 'team.csv', TEAM);
    await waitUntil(() => status(el).includes('will be invited'), 'the preview never answered', { timeout: 4000 });
    // 2 + 3 + 1 + 1 = the 7 data rows of the file.
    expect(status(el)).to.equal(
      'team.csv: 7 rows: 2 will be invited, 3 skipped, 1 duplicate of an earlier row, 1 without an email address.',
    );
    expect(rowsShown(el)).to.deep.equal(TEAM_NOT_INVITED);
    expect(textOf(el)).to.contain(
      'The “Name” column is not used: an invitation holds only the address and the role, and each person gives their name when accepting.',
    );
    // The malformed and repeated addresses stay out of the list that will be sent.
    expect(textarea(el).value).to.equal('ann@example.com\nviewer@acme.test\njane@example.com\nbo@example.com');
    expect(deepActive()?.textContent.trim(), 'focus stays on the button').to.equal('Upload CSV');
    await expectAccessibleInBothThemes(el);
  });

  it('says which rows were removed from the list after the upload', async () => {
    const el = await open();
    await upload(el, 'team.csv', 'email\nann@example.com\nbo@example.com\n');
    await waitUntil(() => status(el).includes('2 will be invited'), 'no report', { timeout: 4000 });
    textarea(el).focus();
    textarea(el).select();
    await sendKeys({ type: 'ann@example.com' });
    await waitUntil(() => status(el).includes('1 will be invited'), 'the report did not follow the list', {
      timeout: 4000,
    });
    expect(status(el)).to.equal('team.csv: 2 rows: 1 will be invited, 1 skipped.');
    expect(rowsShown(el)).to.deep.equal(['Row 3 bo@example.com removed from the list']);
  });

  it('adds no address past the 100 of one batch, and says so on those rows', async () => {
    const el = await open();
    await typeAddresses(el, Array.from({ length: 98 }, (_, i) => `typed${String(i)}@example.com`).join('\n'));
    await upload(el, 'more.csv', 'a@example.com\nb@example.com\nc@example.com\n');
    await waitUntil(() => status(el).includes('will be invited'), 'no report', { timeout: 4000 });
    expect(status(el)).to.equal('more.csv: 3 rows: 2 will be invited, 1 skipped.');
    expect(rowsShown(el)).to.deep.equal([
      'Row 3 c@example.com over the limit of 100 addresses in one batch, not added',
    ]);
    expect(textarea(el).value.split('\n')).to.have.length(100);
    await expectAccessibleInBothThemes(el);
  });

  it('refuses a file over 100 rows as a whole, adding nothing', async () => {
    const el = await open();
    await upload(el, 'huge.csv', Array.from({ length: 101 }, (_, i) => `u${String(i)}@example.com`).join('\n'));
    await waitUntil(() => status(el).includes('more than 100 lines'), 'no refusal');
    expect($(shadow(el), 'p.csv').classList.contains('error')).to.equal(true);
    expect(textarea(el).value).to.equal('');
    await expectAccessibleInBothThemes(el);
  });

  it('says a file the browser could not read (changed since it was chosen), and adds nothing', async () => {
    const el = await open();
    await typeAddresses(el, 'typed@example.com');
    // What Chromium does with a file changed on disk after it was picked: reading it rejects.
    Object.defineProperty(File.prototype, 'text', {
      configurable: true,
      value: () => Promise.reject(new DOMException('The file changed', 'NotReadableError')),
    });
    try {
      await upload(el, 'team.csv', TEAM);
      await waitUntil(() => status(el) !== '', 'nothing said');
    } finally {
      delete (File.prototype as { text?: unknown }).text;
    }
    expect(status(el)).to.equal(
      'The file could not be read: it may have been moved or changed since you chose it. Nothing was added to the list. Choose it again.',
    );
    expect($(shadow(el), 'p.csv').classList.contains('error')).to.equal(true);
    expect(textarea(el).value).to.equal('typed@example.com');
    await expectAccessibleInBothThemes(el);
  });

  it('is sent by keyboard after the report, as a bulk upload', async () => {
    const el = await open();
    await upload(el, 'team.csv', TEAM);
    await waitUntil(() => status(el).includes('will be invited'), 'no report', { timeout: 4000 });
    await sendByKeyboard();
    await waitUntil(() => textOf(el).includes('2 invitations sent'));
    const sent = await clientAs('acme-admin').invitations.list({ q: 'ann@example.com' });
    expect(sent.items[0]?.source).to.equal('bulk');
  });

  it('accounts for every row of the file after sending: invited, skipped by the server, skipped before sending, each said once', async () => {
    const el = await open();
    // A typed address the server refuses, and a row whose second address it refuses while inviting the first.
    await typeAddresses(el, 'margaret@acme.test');
    await upload(el, 'team.csv', `${TEAM}\r\nCy,cy@example.com,priya@example.com`);
    await waitUntil(() => status(el).includes('will be invited'), 'no report', { timeout: 4000 });
    await sendByKeyboard();
    await waitUntil(() => textOf(el).includes('3 invitations sent'), 'not sent', { timeout: 4000 });
    expect(deepActive()?.textContent.trim(), 'focus on what was sent').to.equal('3 invitations sent');
    expect(resultSummary(el)).to.equal(
      'team.csv: 8 rows: 3 invited, 2 skipped by the server, 1 skipped before sending, 1 duplicate of an earlier row, 1 without an email address.',
    );
    expect(rowsShown(el)).to.deep.equal(TEAM_NOT_INVITED);
    expect(nameOf($(shadow(el), '.csv-rows'))).to.equal('Rows of team.csv that were not invited');
    // The refusals no row shows (the typed address, the second address of row 9) are listed once, under the rows.
    expect(listed(el, '.result > ul:not(.csv-rows):not(.sent-list)')).to.deep.equal([
      'margaret@acme.test already a member of the organization',
      'priya@example.com already invited',
    ]);
    expect(textOf(el)).to.contain('2 addresses skipped:');
    expect(listed(el, '.sent-list')).to.deep.equal([
      'ann@example.com, as the default role',
      'bo@example.com, as the default role',
      'cy@example.com, as the default role',
    ]);
    for (const address of ['viewer@acme.test', 'jane@example.com', 'margaret@acme.test', 'priya@example.com']) {
      expect(textOf(el).split(address).length - 1, `${address} said once`).to.equal(1);
    }
    expect(textOf(el), 'the name column was said before sending').not.to.contain('column is not used');
    await expectAccessibleInBothThemes(el);
  });

  it('fits every width from 320 to 1600 px with the result of a CSV send, long addresses and all', async () => {
    const long = 'a.rather.long.address.from.the.finance.department';
    const el = await open();
    await upload(
      el,
      'a-file-with-a-long-name-exported-from-the-spreadsheet.csv',
      `Name,Email\nAnn,${long}@example.com\nVic,viewer@acme.test\nRen,${long}.example.com\nAnnie,${long.toUpperCase()}@EXAMPLE.COM\nNo one,\n`,
    );
    await waitUntil(() => status(el).includes('will be invited'), 'no report', { timeout: 4000 });
    await sendByKeyboard();
    await waitUntil(() => textOf(el).includes('1 invitation sent'), 'not sent', { timeout: 4000 });
    try {
      for (let width = 320; width <= 1600; width += 160) {
        await atWidth(width);
        expectNoHorizontalOverflow(el);
        expectActionsReachable(el, ['Invite more people', 'Close']);
      }
    } finally {
      await atWidth(800);
    }
    expect(rowsShown(el)).to.have.length(4);
  });

  it('says after sending which rows were removed from the list or over the batch limit', async () => {
    const el = await open();
    await typeAddresses(el, Array.from({ length: 98 }, (_, i) => `typed${String(i)}@example.com`).join('\n'));
    await upload(el, 'more.csv', 'a@example.com\nb@example.com\nc@example.com\n');
    await waitUntil(() => status(el).includes('2 will be invited'), 'no report', { timeout: 4000 });
    await typeAddresses(el, textarea(el).value.replace('\nb@example.com', ''));
    await waitUntil(() => status(el).includes('1 will be invited'), 'the report did not follow', { timeout: 4000 });
    await sendByKeyboard();
    await waitUntil(() => textOf(el).includes('99 invitations sent'), 'not sent', { timeout: 4000 });
    expect(resultSummary(el)).to.equal('more.csv: 3 rows: 1 invited, 2 skipped before sending.');
    expect(rowsShown(el)).to.deep.equal([
      'Row 2 b@example.com removed from the list',
      'Row 3 c@example.com over the limit of 100 addresses in one batch, not added',
    ]);
    expect(textOf(el)).not.to.contain('skipped:');
    await expectAccessibleInBothThemes(el);
  });

  it('speaks French, with no English string of the report left', async () => {
    const el = await open('fr');
    await upload(el, 'equipe.csv', TEAM);
    await waitUntil(() => status(el).includes('seront invitées'), 'no French report', { timeout: 4000 });
    const shown = wordsOf(el);
    expect(shown).to.contain('equipe.csv : 7 lignes');
    const fr = csvReportStrings.fr;
    if (!fr) throw new Error('the French report strings did not load');
    expect(shown).to.contain('Ligne 6 ANN@example.com en double de la ligne 2');
    expect(englishLeft(csvReportStrings.en, fr, shown)).to.deep.equal([]);
    await expectAccessibleInBothThemes(el);
    await sendByKeyboard();
    await waitUntil(() => textOf(el).includes('2 invitations envoyées'), 'not sent', { timeout: 4000 });
    expect(resultSummary(el)).to.equal(
      'equipe.csv : 7 lignes : 2 invitées, 2 ignorées par le serveur, 1 ignorée avant l’envoi, 1 en double d’une ligne précédente, 1 sans adresse e-mail.',
    );
    expect(nameOf($(shadow(el), '.csv-rows'))).to.equal('Lignes de equipe.csv qui n’ont pas été invitées');
    expect(englishLeft(csvReportStrings.en, fr, wordsOf(el))).to.deep.equal([]);
    await expectAccessibleInBothThemes(el);
  });
});
