/**
 * `<invite-dialog>` with a CSV file: the dialog opened in a language, addresses typed, and a file chosen as a person
 * does it (focus on "Upload CSV", Enter, and the system's picker hands the input a file). Nothing here imports the
 * dialog's CSV chunk, so a test can make its download fail.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/invite-dialog.js';
import { InviteDialog } from '../src/invite-dialog/invite-dialog.js';
import { $, deepActive, shadow } from './dom.js';
import { clientAs } from './mock-api.js';

/** The dialog, open, for Acme's admin, in `lang`. */
export async function openDialog(lang = 'en'): Promise<InviteDialog> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}><invite-dialog .client=${clientAs('acme-admin')}></invite-dialog></div>`,
  );
  const el = $(wrapper, 'invite-dialog', InviteDialog);
  await el.updateComplete;
  el.show();
  await waitUntil(() => $(shadow(el), 'dialog', HTMLDialogElement).open);
  return el;
}

export const textarea = (el: InviteDialog) => $(shadow(el), 'textarea', HTMLTextAreaElement);

/** Puts `text` in the addresses field, as a paste does. */
export async function typeAddresses(el: InviteDialog, text: string): Promise<void> {
  textarea(el).value = text;
  textarea(el).dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** What the system's file picker does once the person picks `file`: the input gets it and says so. */
export function pickerWillChoose(host: Element, file: File): void {
  const input = $(shadow(host), 'input[type="file"]', HTMLInputElement);
  input.addEventListener(
    'click',
    (event) => {
      event.preventDefault(); // no real picker in a headless test
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
    },
    { once: true },
  );
}

/** A CSV file of `text`, as a spreadsheet saves it. */
export function csvFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/csv' });
}

/** Chooses `file` through the "Upload CSV" button, by keyboard: Tab from the addresses field to it, then Enter. */
export async function upload(host: Element, file: File): Promise<void> {
  pickerWillChoose(host, file);
  $(shadow(host), 'textarea', HTMLTextAreaElement).focus();
  await sendKeys({ press: 'Tab' });
  expect(deepActive()?.textContent.trim()).to.be.oneOf(['Upload CSV', 'Importer un CSV']);
  await sendKeys({ press: 'Enter' });
}
