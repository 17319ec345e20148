import { css } from 'lit';
import { controls, modal, panel, tokens } from '../shared/theme.js';

const own = css`
  /* The layout follows the element's own width (a container query), not the viewport: a table in a narrow
     sidebar turns into cards on a wide screen too. */
  :host {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }
  .toolbar .spacer {
    flex: 1 1 auto;
  }
  label.field {
    display: grid;
    gap: calc(var(--_space) / 2);
    font-size: 0.875em;
    min-inline-size: 0;
  }
  label.field input,
  label.field select {
    max-inline-size: 100%;
  }
  .toolbar > .outcome,
  :host > .outcome {
    margin-block-end: var(--_space);
  }
  .frame {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.75 * var(--_density)) calc(var(--_space) * var(--_density));
    border-block-end: 1px solid var(--_border);
    vertical-align: middle;
  }
  tbody tr:last-child td {
    border-block-end: none;
  }
  thead th {
    background: var(--_surface);
    font-weight: 600;
    font-size: 0.875em;
    white-space: nowrap;
  }
  th button.sort {
    border: none;
    background: none;
    padding: 0;
    font-weight: inherit;
    display: inline-flex;
    gap: 0.25em;
    align-items: center;
  }
  th button.sort:hover {
    text-decoration: underline;
    background: none;
  }
  .arrow {
    display: inline-block;
    width: 1em;
    color: var(--_muted);
  }
  th[aria-sort='ascending'] .arrow::after {
    content: '▲';
  }
  th[aria-sort='descending'] .arrow::after {
    content: '▼';
  }
  /* An address keeps room for a typical address (it breaks only past that), so a table narrower than its
     content squeezes the actions, which wrap, rather than break every address letter by letter. */
  td.email {
    min-inline-size: 18ch;
    overflow-wrap: anywhere;
    font-weight: 500;
  }
  td.date,
  td.role,
  td.status {
    white-space: nowrap;
  }
  td.by .name {
    display: inline-block;
    max-inline-size: 10rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: bottom;
  }
  /* Field names for the card layout; the column headers name the cells in the table. */
  .label {
    display: none;
  }
  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .badge.pending {
    color: var(--_accent);
  }
  .badge.expired {
    color: var(--_warning);
  }
  .badge.revoked,
  .badge.declined {
    color: var(--_muted);
  }
  .badge.accepted {
    color: var(--_success);
  }
  .actions {
    display: flex;
    flex-wrap: nowrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  /* Compact row buttons keep a row one line high; each still carries its full accessible name. */
  .actions button,
  .bone.action {
    white-space: nowrap;
    padding: calc(var(--_space) * 0.25 * var(--_density)) calc(var(--_space) * 0.75 * var(--_density));
    font-size: 0.8125em;
    line-height: 1.5;
  }
  .actions .count {
    white-space: nowrap;
    margin-inline-start: -0.25em;
    padding: 0 0.375em;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .bone {
    display: inline-block;
    max-inline-size: 100%;
    border-radius: var(--_radius);
    background: var(--_surface);
    vertical-align: middle;
  }
  .bone.action,
  .bone.badge {
    border: 1px solid transparent;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }
  .state button.primary {
    color: var(--_on-accent);
  }
  .state.empty .title {
    font-weight: 600;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
    align-items: center;
    margin-block-start: var(--_space);
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }

  @container (min-width: 640px) and (max-width: 1099.98px) {
    .actions {
      flex-wrap: wrap;
    }
  }

  /* Cards: below 640 px of the element's width each row is a card with every field and every action. The
     header row stays as a bar of sort buttons. */
  @container (max-width: 639.98px) {
    .frame {
      border: none;
    }
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    thead,
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
      margin-block-end: var(--_space);
    }
    thead th {
      display: none;
      border: 1px solid var(--_border);
      border-radius: 999px;
      padding: calc(var(--_space) * 0.25) var(--_space);
    }
    thead th.sortable {
      display: block;
    }
    tbody tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space) calc(var(--_space) * 1.5);
      margin-block-end: var(--_space);
    }
    td {
      border: none;
      padding: calc(var(--_space) * 0.25) 0;
      display: flex;
      gap: var(--_space);
      align-items: baseline;
      white-space: normal;
    }
    td.email {
      font-size: 1.0625em;
      padding-block-end: calc(var(--_space) / 2);
    }
    .label {
      display: inline;
      flex: 0 0 6.5rem;
      color: var(--_muted);
      font-size: 0.875em;
    }
    td.act {
      display: block;
      padding-block-start: var(--_space);
    }
    .actions {
      flex-wrap: wrap;
    }
    .toolbar label.field,
    .toolbar label.field input,
    .toolbar label.field select {
      inline-size: 100%;
    }
    .toolbar .spacer {
      display: none;
    }
  }
`;

export const styles = [tokens, controls, panel, modal, own];
