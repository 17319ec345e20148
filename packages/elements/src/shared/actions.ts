import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from './failure.js';

/** How long a row's outcome stays beside it before it clears (the live region has said it already). */
export const OUTCOME_MS = 8000;

export interface ActionsOptions {
  /** The words for a failure, said in the live region and beside the row. */
  describeFailure(error: unknown): string;
  /** What else a failure does: tell the host, reload stale data. */
  onFailure(error: unknown): void;
}

/** What the action that ran last on a row (or toolbar) came to, shown beside it until it clears. */
export interface Outcome {
  key: string;
  kind: 'success' | 'failure';
  text: string;
}

export interface RunOptions {
  /** Which control of the row was pressed (`'resend'`), so that only that one reads busy. */
  control?: string;
  /** The words for a failure of this action (say whose row it is); defaults to `describeFailure`. */
  describeFailure?: (error: unknown) => string;
}

/**
 * The actions of an admin element, as a registered Lit controller. Construct it once, as a field:
 *
 * ```ts
 * private readonly actions = new ActionsController(this, { describeFailure, onFailure });
 * approve(r) {
 *   return this.actions.run(r.id, async (signal) => {
 *     const result = await this.client!.requests.approve(r.id, this.callOptions(signal));
 *     emit(this, 'invitekit-request-approved', result);
 *     return this.words.approved(r.email); // said in the live region and shown beside the row
 *   }, { control: 'approve', describeFailure: (e) => this.words.failedFor(r.email, failureMessage(this.words.failures, e)) });
 * }
 * ```
 *
 * - One action per key at a time: a second press while the first is under way does nothing.
 * - Busy state: while it runs, `busy(key, control)` is true. Render the pressed button with its busy label
 *   ("Resending…"), `aria-busy="true"` and `aria-disabled="true"` (not `disabled`: a disabled button drops the
 *   keyboard focus on the floor). The accessible name (`aria-label`) stays the same.
 * - Outcome: the returned string (success) or the failure's words become `outcome(key)`, to render beside the row
 *   (style `kind` apart); it clears after `ActionsController.outcomeMs` or when the next action starts. Both are also said in
 *   the polite live region: render `message` in the element's `role="status"` element.
 * - Cancellation: `signal` is aborted when the element leaves the page; pass it to every SDK call. After that the
 *   controller says nothing, shows nothing, reports nothing, and `emit()` (events.ts) fires nothing.
 */
export class ActionsController implements ReactiveController {
  /** How long an outcome shows, page-wide (default {@link OUTCOME_MS}); a host or a test may shorten it. */
  static outcomeMs = OUTCOME_MS;
  /** What the live region says now. */
  message = '';
  private readonly running = new Map<string, string>();
  private outcomes = new Map<string, Outcome>();
  private connection = new AbortController();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ActionsOptions,
  ) {
    host.addController(this);
  }

  /** Aborted when the element leaves the page; a fresh one once it is back. Hand it to every call. */
  get signal(): AbortSignal {
    return this.connection.signal;
  }

  hostConnected(): void {
    if (this.connection.signal.aborted) this.connection = new AbortController();
  }

  hostDisconnected(): void {
    this.connection.abort();
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.running.clear();
    this.outcomes.clear();
    this.message = '';
  }

  /** Whether an action on `key` is under way (pressed through `control`, when given). */
  busy(key: string, control?: string): boolean {
    return this.running.has(key) && (control === undefined || this.running.get(key) === control);
  }

  /** The last action's outcome on `key`, while it shows. */
  outcome(key: string): Outcome | undefined {
    return this.outcomes.get(key);
  }

  /** Says `message` in the live region. */
  async announce(message: string): Promise<void> {
    if (this.signal.aborted) return;
    // Clearing first makes a screen reader repeat a message identical to the last one.
    this.message = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    // The element may have left while the live region cleared (`signal` is read anew, after the await).
    if (this.connection.signal.aborted) return;
    this.message = message;
    this.host.requestUpdate();
  }

  /**
   * Runs `action` unless one with the same `key` is under way. What it returns is the success outcome; a failure
   * becomes the failure outcome and is handed to `onFailure`. An abort (the element left) is silent.
   */
  async run(key: string, action: (signal: AbortSignal) => Promise<string | undefined>, options: RunOptions = {}) {
    if (this.running.has(key)) return;
    const signal = this.signal;
    this.running.set(key, options.control ?? '');
    this.outcomes = new Map(); // the next action clears every earlier outcome
    this.host.requestUpdate();
    try {
      const said = await action(signal);
      if (typeof said === 'string') await this.settle(key, 'success', said, signal);
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      this.options.onFailure(error);
      const text = (options.describeFailure ?? this.options.describeFailure)(error);
      await this.settle(key, 'failure', text, signal);
    } finally {
      if (!signal.aborted) {
        this.running.delete(key);
        this.host.requestUpdate();
      }
    }
  }

  private async settle(key: string, kind: Outcome['kind'], text: string, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const outcome: Outcome = { key, kind, text };
    this.outcomes.set(key, outcome);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.outcomes.get(key) !== outcome) return;
      this.outcomes.delete(key);
      this.host.requestUpdate();
    }, ActionsController.outcomeMs);
    this.timers.add(timer);
    await this.announce(text);
  }
}
