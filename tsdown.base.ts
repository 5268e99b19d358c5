import { defineConfig } from 'tsdown'

/** Build settings every published package shares: one ESM entry with bundled declarations. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: true,
  sourcemap: false,
  clean: true,
})
