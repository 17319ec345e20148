/**
 * The design tokens and the pieces every element draws with. Public `--invitekit-*` custom properties are
 * mapped onto private `--_*` locals in `:host`, so a host themes by setting the public ones anywhere above the
 * element, and the element never leaks its locals. Colours pass WCAG AA contrast in both themes.
 *
 * Each sheet is built inside a call marked pure: bundlers cannot drop an unused tagged template (it might have
 * side effects), but they drop a pure call whose result nobody uses, so a login page ships no table styles.
 */
import { css } from 'lit';

export const tokens = /*#__PURE__*/ (() => css`
  /* Each colour is given once for both themes: light-dark() picks by the host's used color-scheme, which
     follows prefers-color-scheme unless the theme attribute pins it. */
  :host {
    --_font: var(--invitekit-font, inherit);
    --_radius: var(--invitekit-radius, 6px);
    --_space: var(--invitekit-space, 0.5rem);
    /* density scales paddings: 1 normal, 0.75 compact, 1.25 comfortable */
    --_density: var(--invitekit-density, 1);
    --_bg: var(--invitekit-color-background, light-dark(#ffffff, #16191d));
    --_surface: var(--invitekit-color-surface, light-dark(#f6f8fa, #21262d));
    --_fg: var(--invitekit-color-text, light-dark(#1b1f24, #e6edf3));
    --_muted: var(--invitekit-color-muted, light-dark(#57606a, #a4adb8));
    --_border: var(--invitekit-color-border, light-dark(#8c959f, #6e7781));
    --_accent: var(--invitekit-color-accent, light-dark(#0b5cd5, #79b8ff));
    --_on-accent: var(--invitekit-color-on-accent, light-dark(#ffffff, #0b1320));
    --_danger: var(--invitekit-color-danger, light-dark(#b42318, #ff9a8f));
    --_on-danger: var(--invitekit-color-on-danger, light-dark(#ffffff, #1f0a08));
    --_success: var(--invitekit-color-success, light-dark(#1a7f37, #6fdd8b));
    --_warning: var(--invitekit-color-warning, light-dark(#8a5a00, #e3b341));
    --_focus: var(--invitekit-color-focus, light-dark(#0b5cd5, #79b8ff));
    color-scheme: light dark;
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
`)();

/** Buttons, fields, messages: the few pieces every element shares. */
export const controls = /*#__PURE__*/ (() => css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: calc(var(--_space) * 0.75 * var(--_density)) calc(var(--_space) * 1.5 * var(--_density));
    line-height: 1.25;
  }
  button:hover:not(:disabled) {
    background: var(--_surface);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.primary:hover:not(:disabled) {
    background: var(--_accent);
    filter: brightness(1.1);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /* A pressed control whose request is under way (ActionsController.busy): it stays focusable, keeps its
     accessible name, and shows its busy words ("Resending…"). Markup:
       <button aria-label="Resend invitation to X" aria-busy="true" aria-disabled="true" data-busy="Resending…">
         <span class="idle">Resend</span></button>
     The words come from CSS, not the DOM, so that the visible text never contradicts the name (axe
     label-content-name-mismatch) and the name never changes (give an aria-label where the text was the name). */
  button[aria-busy='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  button[aria-busy='true'][data-busy] > .idle {
    display: none;
  }
  button[aria-busy='true'][data-busy]::after {
    content: attr(data-busy);
  }
  input,
  select,
  textarea {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: calc(var(--_space) * 0.75 * var(--_density));
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .success {
    color: var(--_success);
  }
  .warning {
    color: var(--_warning);
  }
  .message {
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin: var(--_space) 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`)();

/** What the admin lists (the table and the requests) share: their own background, states, badges and live region. */
export const panel = /*#__PURE__*/ (() => css`
  /* The element paints its own background, so its text keeps its contrast on any page. */
  :host {
    background: var(--_bg);
  }
  .state {
    padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
    text-align: center;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .state p {
    margin: 0 0 var(--_space);
  }
  [role='alert'].state {
    color: var(--_danger);
  }
  .state button {
    color: var(--_fg);
  }
  .announcer {
    min-height: 1.5em;
    margin: var(--_space) 0 0;
    font-size: 0.875em;
  }
  .badge {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 calc(var(--_space) * 0.75);
    font-size: 0.8125em;
    line-height: 1.5;
    white-space: nowrap;
  }
  .badge.stale {
    color: var(--_warning);
  }
  /* How many items a section holds, beside its heading. */
  .count {
    display: inline-block;
    margin-inline-start: 0.5em;
    padding: 0 0.6em;
    border-radius: 999px;
    background: var(--_surface);
    font-size: 0.8125em;
    font-weight: 600;
    vertical-align: 0.1em;
  }
  /* The result of an action beside the row that acted (ActionsController.outcome): success and failure differ by
     colour, icon and edge, not colour alone. */
  .outcome {
    display: flex;
    gap: 0.375em;
    align-items: baseline;
    margin: calc(var(--_space) / 2) 0 0;
    padding: 0 0 0 calc(var(--_space) * 0.75);
    border-inline-start: 3px solid currentColor;
    font-size: 0.8125em;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .outcome.success {
    color: var(--_success);
  }
  .outcome.failure {
    color: var(--_danger);
    border-inline-start-style: double;
  }
  .outcome .icon {
    font-weight: 700;
  }
`)();

/** What the modal dialogs (the invite dialog, the table's confirmation) share. */
export const modal = /*#__PURE__*/ (() => css`
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    padding: calc(var(--_space) * 3);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 2);
  }
`)();

/** What the public cards (the request form, the redeem page) share: the card, its heading and its form. */
export const card = /*#__PURE__*/ (() => css`
  [part='base'] {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 3 * var(--_density));
  }
  h2 {
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 var(--_space);
  }
  p {
    margin: 0 0 var(--_space);
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 2 * var(--_density));
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  label {
    font-weight: 600;
  }
  input,
  textarea {
    width: 100%;
  }
  /* the message's colour is for its text; its button keeps the normal one */
  .message button {
    color: var(--_fg);
  }
  /* Focus moves to a status so that it is read out; it is not a control, so no ring. */
  [tabindex='-1']:focus {
    outline: none;
  }
`)();
