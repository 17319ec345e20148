import { css } from 'lit';
import { controls, modal, tokens } from '../shared/theme.js';

const own = css`
  :host {
    display: contents;
  }
  dialog {
    font-family: var(--_font);
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
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
    max-height: 14rem;
    overflow: auto;
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
