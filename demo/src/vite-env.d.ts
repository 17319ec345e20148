/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `server` when `npm run demo:server` builds the demo for @invitekit/server (no in-page mock). */
  readonly VITE_INVITEKIT_BACKEND?: string;
}
