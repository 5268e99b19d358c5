import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const source = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url))

export interface Bundles {
  directory: string
  /** ESM exporting `runSmoke`: Node, Bun, Deno and the browser page load it. */
  smoke: string
  /** ESM whose default export is a workerd fetch handler. */
  worker: string
}

/**
 * One build for every runtime, from the packages' built `dist` (what npm users get). Platform
 * `neutral`: a Node builtin anywhere in the graph fails the build.
 */
export async function buildBundles(): Promise<Bundles> {
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-runtimes-'))
  await build({
    entryPoints: { smoke: source('smoke.ts'), worker: source('worker.ts') },
    outdir: directory,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  })
  return { directory, smoke: join(directory, 'smoke.mjs'), worker: join(directory, 'worker.mjs') }
}
