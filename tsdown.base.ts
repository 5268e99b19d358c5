import { defineConfig } from 'tsdown'

/**
 * Build settings every published package shares: one ESM entry with bundled declarations, source
 * maps for both (the packages ship `src/`, so "go to definition" lands in our TypeScript sources).
 */
export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: { sourcemap: true, oxc: true },
  sourcemap: true,
  clean: true,
  // rolldown's "your build spent significant time in plugins" advice is noise on a busy CI machine.
  checks: { pluginTimings: false },
})
