import { css } from 'lit';
import { controls, modal, panel, tokens } from '../shared/theme.js';

const own = css`
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
  }
  .frame {
    overflow-x: auto;
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
    padding: calc(var(--_space) * var(--_density)) calc(var(--_space) * 1.5 * var(--_density));
    border-block-end: 1px solid var(--_border);
    vertical-align: middle;
  }
  tbody tr:last-child td {
    border-block-end: none;
  }
  thead th {
    background: var(--_surface);
    font-weight: 600;
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
  td.email {
    min-width: 14rem;
    overflow-wrap: break-word;
  }
  td.date {
    white-space: nowrap;
  }
  .status {
    display: flex;
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
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .actions button {
    white-space: nowrap;
    padding: calc(var(--_space) * 0.375 * var(--_density)) var(--_space);
    font-size: 0.875em;
  }
  .left {
    flex-basis: 100%;
    order: 1;
    font-size: 0.8125em;
  }
  .pager {
    display: flex;
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
`;

export const styles = [tokens, controls, panel, modal, own];
