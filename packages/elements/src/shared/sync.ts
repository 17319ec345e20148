/**
 * Elements in sync under one `<invitekit-provider>`: a change made by one element (an approve, a send, a revoke,
 * a renew...) makes every other element of the same organization load again. No global: the provider owns one
 * {@link InvitekitSync} and hands it down by context, so two providers on a page never hear each other.
 *
 * An element takes part with one line, a field:
 *
 * ```ts
 * private readonly sync = new SyncController(this, () => this.reload());
 * ```
 *
 * and does nothing else: the provider hears the element's own bubbling events (the `CHANGES` below) and tells
 * every other subscriber of the organization the event came from. The element that acted is not told (it
 * reloads itself), nor is any element the event passed through (a table around its own invite dialog).
 */
import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InvitekitEventName } from './events.js';

/** The events that mean "the organization's invitations or requests changed". */
export const CHANGES: readonly InvitekitEventName[] = [
  'invitekit-invitations-sent',
  'invitekit-invitation-resent',
  'invitekit-invitation-renewed',
  'invitekit-invitation-revoked',
  'invitekit-invitation-updated',
  'invitekit-request-approved',
  'invitekit-request-dismissed',
];

interface Subscriber {
  element: Element;
  organization: () => string | undefined;
  reload: () => void;
}

/** One provider's change hub: who listens, for which organization. */
export class InvitekitSync {
  private readonly subscribers = new Set<Subscriber>();

  /** `defaultOrganization`: the organization of an element that names none (the provider's). */
  constructor(private readonly defaultOrganization: () => string | undefined) {}

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Tells every subscriber of `source`'s organization, except those on `path` (the source and its hosts). */
  changed(source: Element, path: readonly EventTarget[] = [source]): void {
    const organization = this.organizationOf(source);
    for (const subscriber of [...this.subscribers]) {
      if (path.includes(subscriber.element)) continue;
      if ((subscriber.organization() ?? this.defaultOrganization()) !== organization) continue;
      subscriber.reload();
    }
  }

  /** Starts listening to `root` (the provider) for the bubbling change events of the elements inside it. */
  listen(root: EventTarget): void {
    for (const name of CHANGES) {
      root.addEventListener(name, (event) => {
        const path = event.composedPath();
        const source = path[0];
        if (source instanceof Element) this.changed(source, path);
      });
    }
  }

  private organizationOf(element: Element): string | undefined {
    const own = (element as { organization?: unknown }).organization;
    return typeof own === 'string' && own ? own : this.defaultOrganization();
  }
}

/** Carries a provider's {@link InvitekitSync} to the elements inside it. */
export const syncContext = createContext<InvitekitSync | undefined>(Symbol.for('invitekit.sync'));

/** Reloads its host when another element of the same organization under the same provider changes something. */
export class SyncController implements ReactiveController {
  private unsubscribe?: () => void;
  private readonly consumer: ContextConsumer<typeof syncContext, ReactiveControllerHost & HTMLElement>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { organization?: string | undefined },
    reload: () => void,
  ) {
    const subscriber: Subscriber = { element: host, organization: () => host.organization || undefined, reload };
    this.consumer = new ContextConsumer(host, {
      context: syncContext,
      subscribe: true,
      callback: (sync) => {
        this.unsubscribe?.();
        this.unsubscribe = sync?.subscribe(subscriber);
      },
    });
    host.addController(this);
  }

  /** The hub the host is subscribed to, if a provider gave one. */
  get hub(): InvitekitSync | undefined {
    return this.consumer.value;
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
