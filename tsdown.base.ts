import { defineConfig } from 'tsdown'

/**
 * Build settings every published package shares: one ESM entry with bundled declarations, source
 * maps for both (the packages ship `src/`, so "go to definition" lands in our TypeScript sources).
 *
 * Declarations come from oxc's isolated-declarations transform (`oxc: true`), file by file and
 * without a type checker: about four times quicker than TypeScript's emit. It needs an explicit
 * type on everything a module exports; a missing one fails the build with a TS90xx error naming
 * the file and line (scripts/test/isolated-declarations.test.ts), never a silent `any`.
 */
export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: { sourcemap: true, oxc: true },
  sourcemap: true,
  // The .mjs ships without JSDoc: the .d.mts keeps every doc comment for editors, and the source
  // maps lead to src/ (shipped) for reading. Pure annotations stay, for consumers' tree-shaking.
  outputOptions: { comments: { jsdoc: false, annotation: true, legal: true } },
  clean: true,
  // rolldown's "your build spent significant time in plugins" advice is noise on a busy CI machine.
  checks: { pluginTimings: false },
})
