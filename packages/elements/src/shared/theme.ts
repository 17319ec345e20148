/**
 * The design tokens and the pieces every element draws with. Public `--invitekit-*` custom properties are
 * mapped onto private `--_*` locals in `:host`, so a host themes by setting the public ones anywhere above the
 * element, and the element never leaks its locals. Colours pass WCAG AA contrast in both themes.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--invitekit-font, inherit);
    --_radius: var(--invitekit-radius, 6px);
    --_space: var(--invitekit-space, 0.5rem);
    /* density scales paddings: 1 normal, 0.75 compact, 1.25 comfortable */
    --_density: var(--invitekit-density, 1);
    --_bg: var(--invitekit-color-background, #ffffff);
    --_surface: var(--invitekit-color-surface, #f6f8fa);
    --_fg: var(--invitekit-color-text, #1b1f24);
    --_muted: var(--invitekit-color-muted, #57606a);
    --_border: var(--invitekit-color-border, #8c959f);
    --_accent: var(--invitekit-color-accent, #0b5cd5);
    --_on-accent: var(--invitekit-color-on-accent, #ffffff);
    --_danger: var(--invitekit-color-danger, #b42318);
    --_on-danger: var(--invitekit-color-on-danger, #ffffff);
    --_success: var(--invitekit-color-success, #1a7f37);
    --_warning: var(--invitekit-color-warning, #8a5a00);
    --_focus: var(--invitekit-color-focus, #0b5cd5);
    color-scheme: light;
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    --_bg: var(--invitekit-color-background, #16191d);
    --_surface: var(--invitekit-color-surface, #21262d);
    --_fg: var(--invitekit-color-text, #e6edf3);
    --_muted: var(--invitekit-color-muted, #a4adb8);
    --_border: var(--invitekit-color-border, #6e7781);
    --_accent: var(--invitekit-color-accent, #79b8ff);
    --_on-accent: var(--invitekit-color-on-accent, #0b1320);
    --_danger: var(--invitekit-color-danger, #ff9a8f);
    --_on-danger: var(--invitekit-color-on-danger, #1f0a08);
    --_success: var(--invitekit-color-success, #6fdd8b);
    --_warning: var(--invitekit-color-warning, #e3b341);
    --_focus: var(--invitekit-color-focus, #79b8ff);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_bg: var(--invitekit-color-background, #16191d);
      --_surface: var(--invitekit-color-surface, #21262d);
      --_fg: var(--invitekit-color-text, #e6edf3);
      --_muted: var(--invitekit-color-muted, #a4adb8);
      --_border: var(--invitekit-color-border, #6e7781);
      --_accent: var(--invitekit-color-accent, #79b8ff);
      --_on-accent: var(--invitekit-color-on-accent, #0b1320);
      --_danger: var(--invitekit-color-danger, #ff9a8f);
      --_on-danger: var(--invitekit-color-on-danger, #1f0a08);
      --_success: var(--invitekit-color-success, #6fdd8b);
      --_warning: var(--invitekit-color-warning, #e3b341);
      --_focus: var(--invitekit-color-focus, #79b8ff);
      color-scheme: dark;
    }
  }
`;

/** Buttons, fields, badges, messages: the few pieces every element shares. */
export const controls = css`
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
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
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
  .badge {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 calc(var(--_space) * 0.75);
    font-size: 0.8125em;
    line-height: 1.5;
    white-space: nowrap;
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
`;
