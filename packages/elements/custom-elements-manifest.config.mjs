// `cem analyze` reads the elements' JSDoc (@summary @fires @csspart @cssprop) into custom-elements.json.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.strings.ts', 'src/**/*.strings.*.ts', 'src/**/*.styles.ts'],
  litelement: true,
  // The package.json already names custom-elements.json; a check run into a scratch folder must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // The manifest documents the public API: private and protected members are implementation.
      name: 'invitekit-public-members-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.members) {
              declaration.members = declaration.members.filter((m) => !m.privacy || m.privacy === 'public');
            }
          }
        }
      },
    },
  ],
};
