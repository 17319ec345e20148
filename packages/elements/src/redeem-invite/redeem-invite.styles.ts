import { css } from 'lit';
import { card, controls, tokens } from '../shared/theme.js';

const own = css`
  [part='base'] {
    max-width: var(--invitekit-card-width, 32rem);
  }
  h2 {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  h3 {
    font-size: 1em;
    line-height: 1.3;
    margin: 0 0 var(--_space);
  }
  /* Two columns shared by every pair (subgrid): a long value wraps in its own column, beside its label, even on
     a 320 px phone. */
  dl {
    margin: 0 0 calc(var(--_space) * 2);
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
  }
  dl > div {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* The next-step links look like the kit's buttons. */
  a.button {
    display: inline-block;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75 * var(--_density)) calc(var(--_space) * 1.5 * var(--_density));
    line-height: 1.25;
    color: var(--_fg);
    text-decoration: none;
    background: var(--_bg);
  }
  a.button:hover {
    background: var(--_surface);
  }
  a.button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  a.button.primary:hover {
    filter: brightness(1.1);
  }
  .ask-again:empty {
    display: none;
  }
  /* The request form sits inside this card: one card, not two. */
  .ask-again request-invite-form::part(base) {
    border: none;
    padding: calc(var(--_space) * 2) 0 0;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  [part~='confirm'] {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5 * var(--_density));
    background: var(--_surface);
  }
  [part~='confirm'] p {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .state-error h2 {
    color: var(--_danger);
  }
  .state-success h2 {
    color: var(--_success);
  }
  .state-warning h2 {
    color: var(--_warning);
  }
`;

export const styles = [tokens, controls, card, own];
