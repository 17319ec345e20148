// Typed tags in templates: @invitekit/elements/vue (generated from the package's custom-elements.json) adds every
// element to Vue's GlobalComponents, with its attributes, properties and events, for vue-tsc and the editor.
import type {} from '@invitekit/elements/vue';
