// `cem analyze` reads the elements' JSDoc (@summary @fires @csspart @cssprop) into custom-elements.json.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.strings.ts', 'src/**/*.strings.*.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
