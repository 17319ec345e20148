import type { NextConfig } from 'next';

const config: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time: the server code stays
  // a Node import instead of being bundled.
  serverExternalPackages: ['@invitekit/server', '@electric-sql/pglite'],
  typescript: { ignoreBuildErrors: false },
};

export default config;
