/**
 * React components around the elements, made with `@lit/react`'s `createComponent` (as Shoelace ships its own):
 * props the element has as properties (`client`, `roles`, `strings`) are set as properties, and each event the
 * element fires is an `on…` prop (`invitekit-invitations-sent` → `onInvitekitInvitationsSent`) with its `detail`
 * typed. Both are set by the component after it mounts or hydrates, which is what React 19's own custom-element
 * support loses after server rendering (facebook/react#35446): plain tags in a server-rendered app get neither.
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import type { InvitekitEvent, InvitekitEventName } from './events.js';

/** `invitekit-invitations-sent` → `InvitekitInvitationsSent` */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

/** The `on…` props of the events `N`, each typed with its event. */
export type EventProps<N extends InvitekitEventName> = {
  [Name in N as `on${Pascal<Name>}`]: EventName<InvitekitEvent<Name>>;
};

/** The prop that listens to `name`. */
export function eventProp(name: string): string {
  return `on${name.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase())}`;
}

/** A React component for the element `tagName` (registered by the define module the caller imports). */
export function wrap<E extends HTMLElement, N extends InvitekitEventName>(
  tagName: string,
  elementClass: new () => E,
  events: readonly N[],
): ReactWebComponent<E, EventProps<N>> {
  return createComponent({
    tagName,
    elementClass,
    react: React,
    // Object.fromEntries cannot carry the name → prop mapping in its type; eventProp computes what Pascal does.
    events: Object.fromEntries(events.map((name) => [eventProp(name), name])) as unknown as EventProps<N>,
  });
}
