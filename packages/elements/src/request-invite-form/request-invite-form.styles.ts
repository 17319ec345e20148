import { css } from 'lit';
import { card, controls, tokens } from '../shared/theme.js';

const own = css`
  [part='base'] {
    max-width: var(--invitekit-form-width, 28rem);
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  .field-error {
    margin: 0;
    font-size: 0.875em;
  }
  [part='submit'] {
    justify-self: start;
  }
  .intro {
    margin-bottom: calc(var(--_space) * 2.5);
  }
  .message {
    margin: 0;
  }
  .message button {
    margin-top: var(--_space);
  }
  .message p:last-of-type {
    margin-bottom: 0;
  }
`;

export const styles = [tokens, controls, card, own];
