import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { clientContext, type InvitekitClient } from './context.js';
import { LocaleController } from './i18n.js';
import { emit } from './events.js';

/**
 * What every invitekit element shares: the SDK client (from `<invitekit-provider>` or set directly), the
 * organization, the theme and the language.
 */
export class InvitekitElement extends LitElement {
  /** The SDK client. Given by an enclosing `<invitekit-provider>`, or set directly. */
  @consume({ context: clientContext, subscribe: true })
  @property({ attribute: false })
  client?: InvitekitClient;

  /** The organization's slug; defaults to the client's own `organization`. */
  @property({ reflect: true }) organization?: string;

  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected readonly locale = new LocaleController(this);

  /** The options every org-scoped SDK call takes from this element. */
  protected callOptions(signal?: AbortSignal): { organization?: string; signal?: AbortSignal } {
    return {
      ...(this.organization ? { organization: this.organization } : {}),
      ...(signal ? { signal } : {}),
    };
  }

  /** Tells the host about a failure this element shows. */
  protected reportError(error: unknown): void {
    emit(this, 'invitekit-error', { error });
  }
}
