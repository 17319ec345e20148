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
  dl {
    margin: 0 0 calc(var(--_space) * 2);
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  dt {
    color: var(--_muted);
    min-width: 6rem;
  }
  dd {
    margin: 0;
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
