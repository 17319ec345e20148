import { css } from 'lit';
import { controls, tokens } from '../shared/theme.js';

const own = css`
  [part='base'] {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 3 * var(--_density));
    max-width: var(--invitekit-form-width, 28rem);
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 var(--_space);
    line-height: 1.3;
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
    /* the message's colour is for its text; its button keeps the normal one */
    color: var(--_fg);
    margin-top: var(--_space);
  }
  .message p:last-of-type {
    margin-bottom: 0;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
`;

export const styles = [tokens, controls, own];
