/**
 * Choosing a CSV file in `<invite-dialog>` as a person does: focus on "Upload CSV", Enter, and the system's picker
 * hands the input a file. Nothing here imports the dialog's CSV chunk, so a test can make its download fail.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, deepActive, shadow } from './dom.js';

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
