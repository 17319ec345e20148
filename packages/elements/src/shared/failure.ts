/** Words for a failure an element shows: the catalogue's message for the error's code, else its fallback. */
import { html } from 'lit';
import { isApiError, isInvitekitError } from '@invitekit/sdk/errors';
import { NotConnectedError } from './not-connected.js';

export type FailureMessages = Partial<Record<string, string>> & { other: string };

export function failureMessage(messages: FailureMessages, error: unknown): string {
  if (error instanceof NotConnectedError) return messages['notConnected'] ?? messages.other;
  if (isApiError(error)) return messages[error.code] ?? messages.other;
  if (isInvitekitError(error) && (error.kind === 'network' || error.kind === 'timeout')) {
    return messages.network ?? messages.other;
  }
  return messages.other;
}

/** Whether the error is the caller's own abort (a newer load replaced this one): nothing to show. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** The alert a list shows when it could not load: one sentence for the failure, and a Try again that calls `retry`. */
export function loadFailure(messages: FailureMessages, error: unknown, tryAgain: string, retry: () => void) {
  return html`<div class="state" role="alert" part="state">
    <p>${failureMessage(messages, error)}</p>
    <button part="button" @click=${retry}>${tryAgain}</button>
  </div>`;
}
