/// <reference types="mocha" />
/**
 * The invite dialog when its CSV reader (the parser and the report, downloaded when a file is chosen) does not
 * download: offline, or a host's CDN failing. The dialog says so, not that the file is bad; nothing changes; and
 * choosing the file again downloads it again. By keyboard, axe clean in both themes.
 *
 * A module that loaded stays loaded for the page, so these tests run in their declared order in a page of their
 * own: the first never lets the reader load, the second lets it load at its end. Nothing here may import
 * `csv-report.js` or the SDK's CSV parser.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { $, deepActive, shadow, textOf, wordsOf } from '../../test/dom.js';
import { csvFile, openDialog, textarea, typeAddresses, upload } from '../../test/csv-dialog.js';
import { InviteDialog } from './invite-dialog.js';
import { inviteDialogStrings } from './invite-dialog.strings.js';

/** The dialog's CSV report module, and the parser the SDK loads: each a file of its own under the dev server. */
const REPORT = /\/invite-dialog\/csv-report\.(js|ts)(\?.*)?$/;
const PARSER = /\/d3-dsv\//;

async function open(lang: string, typed: string) {
  const el = await openDialog(lang);
  await typeAddresses(el, typed);
  return el;
}

const status = (el: InviteDialog) => $(shadow(el), 'p.csv');
const said = (el: InviteDialog) => status(el).textContent.replace(/\s+/g, ' ').trim();

/** Makes every download of a file matching `url` fail as a dropped connection does, and counts the attempts. */
function failDownloads(worker: Awaited<ReturnType<typeof mockApi>>['worker'], url: RegExp) {
  const attempts: string[] = [];
  worker.use(
    http.get(url, ({ request }) => {
      attempts.push(request.url);
      return HttpResponse.error();
    }),
  );
  return attempts;
}

const FILE = 'Name,Email\nAnn Lee,ann@example.com\nBo,bo@example.com\n';
const EN = 'The CSV reader could not be loaded: nothing was added. Check your connection and choose the file again.';

describe('<invite-dialog> CSV reader that does not download', () => {
  let mock: Awaited<ReturnType<typeof mockApi>>;
  beforeEach(async () => {
    mock = await mockApi();
  });

  it('says in French that the reader did not load, not that the file is bad, and changes nothing', async () => {
    const attempts = failDownloads(mock.worker, REPORT);
    const el = await open('fr', 'deja@example.com');
    const failed = oneEvent(el, 'invitekit-error');
    await upload(el, csvFile('equipe.csv', FILE));
    await failed;
    await waitUntil(() => said(el) !== '', 'nothing said');
    expect(attempts, 'the report was asked for').to.have.length.greaterThan(0);
    expect(said(el)).to.equal(
      'Le lecteur de CSV n’a pas pu être chargé : rien n’a été ajouté. Vérifiez votre connexion et choisissez à nouveau le fichier.',
    );
    expect(status(el).classList.contains('error')).to.equal(true);
    expect(wordsOf(el)).not.to.contain(inviteDialogStrings.en.csvReaderFailed);
    expect(textarea(el).value, 'the list is as it was').to.equal('deja@example.com');
    expect(shadow(el).querySelector('.csv-rows')).to.equal(null);
    expect(deepActive()?.textContent.trim(), 'focus stays on the button').to.equal('Importer un CSV');
    await expectAccessibleInBothThemes(el);
  });

  it('says the reader did not load, once, and loads it when the file is chosen again (report, then parser)', async () => {
    const el = await open('en', 'typed@example.com');
    // The report's module does not download.
    const reportAttempts = failDownloads(mock.worker, REPORT);
    await upload(el, csvFile('team.csv', FILE));
    await waitUntil(() => said(el) !== '', 'nothing said');
    expect(reportAttempts).to.have.length.greaterThan(0);
    expect(said(el)).to.equal(EN);
    expect(textOf(el).split(EN).length - 1, 'said once').to.equal(1);
    expect(textOf(el)).not.to.contain('could not be read as CSV');
    expect(textarea(el).value).to.equal('typed@example.com');
    await expectAccessibleInBothThemes(el);

    // Back online for the report, but the parser it loads does not download: the same words, nothing added.
    mock.worker.resetHandlers();
    const parserAttempts = failDownloads(mock.worker, PARSER);
    const failed = oneEvent(el, 'invitekit-error');
    await upload(el, csvFile('team.csv', FILE));
    await failed;
    expect(parserAttempts, 'the parser was asked for').to.have.length.greaterThan(0);
    await waitUntil(() => said(el) === EN, 'the parser failure is not said');
    expect(textarea(el).value).to.equal('typed@example.com');

    // Back online: choosing the file again downloads both and reads it.
    mock.worker.resetHandlers();
    await upload(el, csvFile('team.csv', FILE));
    await waitUntil(() => said(el).startsWith('team.csv: 2 rows'), `no report: "${said(el)}"`, { timeout: 4000 });
    expect(status(el).classList.contains('error')).to.equal(false);
    expect(textarea(el).value).to.equal('typed@example.com\nann@example.com\nbo@example.com');
    expect(deepActive()?.textContent.trim()).to.equal('Upload CSV');
    await expectAccessibleInBothThemes(el);
  });
});
