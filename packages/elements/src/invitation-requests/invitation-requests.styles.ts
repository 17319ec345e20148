import { css } from 'lit';
import { controls, modal, panel, tokens } from '../shared/theme.js';

const own = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-block-end: var(--_space);
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
  }
  dialog h2 {
    flex: none;
    margin: 0 0 var(--_space);
  }
  dialog label.field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  h2 {
    margin: 0;
    font-size: 1.125em;
    flex: 1 1 auto;
  }
  .setting {
    display: grid;
    gap: calc(var(--_space) / 4);
  }
  .hint {
    margin: 0;
    font-size: 0.8125em;
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    border: none;
    background: none;
    padding: calc(var(--_space) / 2) 0;
    font-weight: 600;
  }
  button.switch:hover:not(:disabled) {
    background: none;
  }
  .switch .label {
    font-weight: 600;
  }
  /* The setting is not known (loading, or failed to load): a track with no position, never a guess. */
  .switch.unknown .track {
    border-style: dashed;
    background: none;
  }
  .switch.unknown .thumb {
    left: 0.7em;
    opacity: 0.5;
  }
  .switch.unknown .muted {
    font-weight: normal;
  }
  .track {
    position: relative;
    width: 2.5em;
    height: 1.4em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    flex: none;
    transition: background 0.15s;
  }
  .thumb {
    position: absolute;
    top: 0.15em;
    left: 0.15em;
    width: 1em;
    height: 1em;
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 0.15s;
  }
  [aria-checked='true'] .track {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  [aria-checked='true'] .thumb {
    transform: translateX(1.1em);
    background: var(--_on-accent);
  }
  @media (prefers-reduced-motion: reduce) {
    .track,
    .thumb {
      transition: none;
    }
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25 * var(--_density)) calc(var(--_space) * 1.5 * var(--_density));
    border-block-end: 1px solid var(--_border);
  }
  li:last-child {
    border-block-end: none;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) / 2) var(--_space);
    min-width: 0;
    flex: 1 1 20rem;
  }
  .email {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .quote {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .when {
    flex-basis: 100%;
    font-size: 0.8125em;
  }
  .stale-reason {
    flex-basis: 100%;
    font-size: 0.8125em;
    color: var(--_warning);
  }
  li > .outcome {
    flex-basis: 100%;
  }
  .setting .outcome,
  .header + .outcome {
    margin-block-end: var(--_space);
  }
  .actions {
    display: flex;
    gap: calc(var(--_space) / 2);
  }
  .footer {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
    margin-block-start: var(--_space);
    font-size: 0.875em;
  }
`;

export const styles = [tokens, controls, panel, modal, own];
