// Typed tags in JSX: the element types generated from @invitekit/elements' custom-elements.json.
import type { CustomElements } from '@invitekit/elements/react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace.
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
