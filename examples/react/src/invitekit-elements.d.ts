// Typed tags in JSX: @invitekit/elements/react (generated from the package's custom-elements.json) adds every element
// to React's JSX.IntrinsicElements, with its attributes, properties and `on<event>` handlers.
import type {} from '@invitekit/elements/react';
