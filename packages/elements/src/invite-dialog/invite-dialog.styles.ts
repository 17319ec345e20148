import { css } from 'lit';
import { controls, modal, tokens } from '../shared/theme.js';

const own = css`
  :host {
    display: contents;
  }
  /* The dialog's body scrolls as a whole (one scroll area, holding every control, so the keyboard reaches all of
     it), and the preview grows with the list instead of becoming a small box of its own. Send and Close stay in
     view at the bottom while a long preview scrolls under them. */
  dialog {
    font-family: var(--_font);
    width: min(36rem, calc(100vw - 2rem));
    max-width: none;
    max-height: calc(100dvh - 2rem);
    overflow: auto;
    overscroll-behavior: contain;
    padding-block-end: 0;
  }
  .buttons {
    position: sticky;
    bottom: 0;
    flex-wrap: wrap;
    background: var(--_bg);
    padding-block: calc(var(--_space) * 1.5) calc(var(--_space) * 3);
    margin-block-start: var(--_space);
    border-block-start: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }
  /* A short viewport (a phone on its side, 400 % zoom): a footer that stayed in view would cover the field being
     typed in, so it scrolls with the rest. */
  @media (max-height: 30rem) {
    .buttons {
      position: static;
    }
  }
  /* A phone: the dialog takes the width, with less padding, so that addresses and their reasons have room. */
  @media (max-width: 30rem) {
    dialog {
      width: calc(100vw - 1rem);
      max-height: calc(100dvh - 1rem);
      padding-inline: calc(var(--_space) * 1.5);
      padding-block-start: calc(var(--_space) * 2);
    }
  }
  h2 {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 1.25em;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  label {
    font-weight: 600;
  }
  .hint {
    margin: calc(var(--_space) / 2) 0;
    font-size: 0.875em;
  }
  textarea {
    display: block;
    width: 100%;
    resize: vertical;
    min-height: 6rem;
  }
  p.error:empty,
  p.csv:empty {
    display: none;
  }
  p.error {
    margin: calc(var(--_space) / 2) 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block: var(--_space);
  }
  .row p {
    margin: 0;
    font-size: 0.875em;
  }
  label.role select {
    font-weight: normal;
  }
  label.role {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block: var(--_space);
    max-width: 16rem;
  }
  .preview {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin-block: var(--_space);
  }
  .preview p {
    margin: calc(var(--_space) / 2) 0;
    font-size: 0.875em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    padding-block: calc(var(--_space) / 4);
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }
  li:last-child {
    border-block-end: none;
  }
  .address {
    overflow-wrap: anywhere;
  }
  /* The CSV report: the rows of the file that will not be invited, under the status line that counts them. */
  .csv-rows {
    margin-block: var(--_space);
    font-size: 0.875em;
  }
  .row-number {
    font-weight: 600;
    margin-inline-end: calc(var(--_space) / 2);
  }
  .csv-names {
    font-size: 0.875em;
    margin-block: var(--_space);
  }
  /* Focus lands on the summary so that it is read out; it is not a control, so no ring. */
  .sent:focus {
    outline: none;
  }
  .sent {
    font-size: 1.125em;
    font-weight: 600;
    margin: 0 0 var(--_space);
  }
`;

export const styles = [tokens, controls, modal, own];
