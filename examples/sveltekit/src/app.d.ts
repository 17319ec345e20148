// SvelteKit's app types (none needed here); the tags' types come from "@invitekit/elements/svelte" (tsconfig.json).
export {};
