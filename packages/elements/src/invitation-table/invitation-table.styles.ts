import { css } from 'lit';
import { controls, modal, panel, tokens } from '../shared/theme.js';

const own = css`
  /* The layout follows the element's own width (a container query), not the viewport: a table in a narrow
     sidebar turns into cards on a wide screen too. */
  :host {
    container-type: inline-size;
  }
  h2.heading {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }
  .state.blocked p {
    margin-block-end: calc(var(--_space) / 2);
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
  /* Fixed column widths: the table is exactly as wide as its box at every width, and the address takes what the
     other columns leave (ending in an ellipsis where it runs out), instead of pushing the table past its box. */
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
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
  th.select {
    inline-size: 2.75rem;
  }
  th.select,
  td.select {
    padding-inline: calc(var(--_space) * 0.75) 0;
  }
  td.select input,
  th.select input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    vertical-align: middle;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-block-end: var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .bulk-count {
    font-weight: 600;
    margin-inline-end: auto;
  }
  .bulk button.danger-outline {
    color: var(--_danger);
  }
  .bulk button.link {
    border-color: transparent;
    background: none;
    text-decoration: underline;
  }
  th.status {
    inline-size: 10rem;
  }
  th.role {
    inline-size: 8rem;
  }
  th.by {
    inline-size: 9rem;
  }
  th.invited,
  th.expires {
    inline-size: 7.5rem;
  }
  th.act {
    inline-size: 7rem;
  }
  tbody tr:last-child td {
    border-block-end: none;
  }
  thead th {
    background: var(--_surface);
    font-weight: 600;
    font-size: 0.875em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  th button.sort {
    border: none;
    background: none;
    padding: 0;
    font-weight: inherit;
    display: inline-flex;
    gap: 0.25em;
    align-items: center;
    max-inline-size: 100%;
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
  /* The whole address on one line, ending in an ellipsis where the column ends; all of it shows (wrapping) while
     the pointer is over the row or focus is in it, and its text is whole for screen readers at all times. */
  td.email {
    font-weight: 500;
  }
  .address,
  .clip {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  tr:hover .address,
  tr:focus-within .address {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  td.email .meta {
    display: none;
    font-weight: 400;
    font-size: 0.8125em;
  }
  .when {
    display: grid;
    white-space: nowrap;
  }
  .when .day {
    font-size: 0.8125em;
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
  .badge.fresh {
    color: var(--_success);
  }
  tr.fresh > td:first-child {
    box-shadow: inset 3px 0 0 var(--_success);
  }
  td.act .closed {
    display: block;
    font-size: 0.8125em;
    line-height: 1.35;
  }
  .menu-anchor {
    position: relative;
    display: inline-flex;
    vertical-align: top;
  }
  .menu-button,
  .bone.action {
    min-inline-size: 2.75rem;
    min-block-size: 2rem;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    font-size: 0.8125em;
    line-height: 1.5;
    white-space: nowrap;
  }
  .menu-button .idle {
    font-size: 1.25em;
    line-height: 1;
  }
  .menu {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: calc(100% + 0.25rem);
    z-index: 2;
    display: grid;
    min-inline-size: 14rem;
    padding: calc(var(--_space) / 2) 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }
  .menu hr {
    inline-size: 100%;
    margin: calc(var(--_space) / 2) 0;
    border: none;
    border-block-start: 1px solid var(--_border);
  }
  .menu [role='menuitem'] {
    display: grid;
    text-align: start;
    border: none;
    border-radius: 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
    background: none;
  }
  .menu [role='menuitem']:hover:not([aria-disabled='true']),
  .menu [role='menuitem']:focus {
    background: var(--_surface);
  }
  .menu [role='menuitem']:focus-visible {
    outline-offset: -2px;
  }
  .menu [role='menuitem'][data-action='revoke'] {
    color: var(--_danger);
  }
  .menu [data-note]::after {
    content: attr(data-note);
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .bone {
    display: inline-block;
    max-inline-size: 100%;
    border-radius: var(--_radius);
    background: var(--_surface);
    vertical-align: top;
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
  .pager.placeholder {
    visibility: hidden;
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
  }
  dialog label.field select {
    inline-size: 100%;
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }

  /* Between cards and the full table the Invited by column folds under the address. */
  @container (max-width: 1099.98px) {
    th.by,
    td.by {
      display: none;
    }
    td.email .meta {
      display: block;
    }
  }

  /* Cards: below 880 px of the element's width each row is a card with every field, its menu at the top
     corner. The header row stays as a bar of sort buttons. */
  @container (max-width: 879.98px) {
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
    thead th[class] {
      display: none;
      inline-size: auto;
      border: 1px solid var(--_border);
      border-radius: 999px;
      padding: calc(var(--_space) * 0.25) var(--_space);
    }
    thead th.sortable,
    thead th.select {
      display: block;
    }
    thead th.select {
      border: none;
      padding-inline: calc(var(--_space) * 0.25);
    }
    td.select {
      position: absolute;
      inset-block-start: calc(var(--_space) * 1.15);
      inset-inline-start: calc(var(--_space) * 1.25);
      padding: 0;
    }
    tbody tr:has(td.select input) td.email {
      padding-inline-start: 1.75rem;
    }
    tbody tr {
      position: relative;
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
      min-inline-size: 0;
    }
    td.by {
      display: flex;
    }
    td.email {
      display: block;
      font-size: 1.0625em;
      padding-block-end: calc(var(--_space) / 2);
      padding-inline-end: 3.5rem;
    }
    td.email .meta {
      display: none;
    }
    .label {
      display: inline;
      flex: 0 0 6.5rem;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .when {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5em;
      align-items: baseline;
    }
    td.act {
      position: absolute;
      inset-block-start: calc(var(--_space) * 0.75);
      inset-inline-end: var(--_space);
      padding: 0;
    }
    td.act:has(.closed) {
      position: static;
      padding-block-start: calc(var(--_space) / 2);
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
