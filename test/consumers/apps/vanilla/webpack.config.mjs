// webpack 5 in production mode (tree shaking and `sideEffects` honoured), the static page copied beside it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const outDir = resolve(import.meta.dirname, 'dist-webpack');

export default {
  mode: 'production',
  entry: { app: './src/per-tag.js' },
  output: { path: outDir, filename: '[name].js', publicPath: '/', clean: true },
  plugins: [
    {
      apply(compiler) {
        compiler.hooks.afterEmit.tap('copy-page', () => {
          mkdirSync(outDir, { recursive: true });
          copyFileSync(resolve(import.meta.dirname, 'static/index.html'), resolve(outDir, 'index.html'));
        });
      },
    },
  ],
};
