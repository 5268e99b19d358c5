/**
 * 5. What each package costs a user's bundle: a one-line consumer bundled by esbuild (platform
 * node, ESM, minified, tree-shaken), gzipped at level 9. openapi-fetch stays external and is
 * measured on its own. Then the facade's tree-shaking (a facade configured with Truedy only must
 * not carry the other providers), and the size-limit budgets of .size-limit.json.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'
import { createConsumerProject } from './consumer-project.ts'
import { runCommand, tail } from './run-command.ts'
import { budgetTarget, emptyResult, type ScenarioResult } from './scenario.ts'

interface Bundled {
  bytes: number
  minified: number
  gzipped: number
  text: string
  metafile: Metafile
}

/** Entries as users write them: the package name and the line that imports it. */
const entries: [string, string][] = [
  ['@voicebatch/core', "export * from '@voicebatch/core'"],
  ['@voicebatch/ultravox-types', "export * from '@voicebatch/ultravox-types'"],
  ['@voicebatch/techladder-types', "export * from '@voicebatch/techladder-types'"],
  ['@voicebatch/truedy-types', "export * from '@voicebatch/truedy-types'"],
  ['@voicebatch/ultravox', "export { createUltravoxClient } from '@voicebatch/ultravox'"],
  ['@voicebatch/techladder', "export { createTechladderClient } from '@voicebatch/techladder'"],
  ['@voicebatch/truedy', "export { createTruedyClient } from '@voicebatch/truedy'"],
  ['voicebatch', "export { createVoiceBatch } from 'voicebatch'"],
  ['@voicebatch/testing', "export { startMockServer } from '@voicebatch/testing'"],
]

/** The facade composed of the Truedy adapter only (`createVoiceBatch` wires all three by design). */
const facadeWithTruedy = [
  "import { createVoiceBatchFrom, truedyAdapter } from 'voicebatch'",
  "export const vb = createVoiceBatchFrom({ truedy: truedyAdapter({ apiKey: 'key' }) })",
].join('\n')

/** Code that only the other providers' packages hold. */
const otherProviders = ['ultravox', 'techladder']
const otherProviderMarkers = [
  'ULTRAVOX_API_KEY',
  'TECHLADDER_API_KEY',
  'createUltravoxClient',
  'createTechladderClient',
]

/** Replaces the other providers' clients with empty modules: what the facade would weigh without them. */
const withoutOtherProviders: Plugin = {
  name: 'without-other-providers',
  setup(builder) {
    builder.onResolve({ filter: /^@voicebatch\/(ultravox|techladder)$/ }, ({ path }) => ({
      path,
      namespace: 'empty-provider',
    }))
    builder.onLoad({ filter: /.*/, namespace: 'empty-provider' }, () => ({
      contents: 'export const createUltravoxClient = undefined, createTechladderClient = undefined',
      loader: 'js',
    }))
  },
}

async function bundle(
  directory: string,
  contents: string,
  external: string[],
  plugins: Plugin[] = [],
): Promise<Bundled> {
  const output = await build({
    plugins,
    stdin: { contents, resolveDir: directory, sourcefile: 'consumer.mjs', loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
  })
  const file = output.outputFiles[0]
  if (file === undefined) throw new Error('esbuild wrote nothing')
  return {
    bytes: file.contents.byteLength,
    minified: file.contents.byteLength,
    gzipped: gzipSync(file.contents, { level: 9 }).byteLength,
    text: file.text,
    metafile: output.metafile,
  }
}

/** Bytes each workspace package (or openapi-fetch) contributes to an output. */
function bytesByPackage(metafile: Metafile): Map<string, number> {
  const sizes = new Map<string, number>()
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name =
        /packages\/([^/]+)\/dist\//.exec(input)?.[1] ??
        (input.includes('openapi-fetch') ? 'openapi-fetch' : 'consumer')
      sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput)
    }
  }
  return sizes
}

export async function bundleSize(root: string): Promise<ScenarioResult> {
  const result = emptyResult()
  const project = createConsumerProject(root)
  try {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
    for (const [name, line] of entries) {
      try {
        const { gzipped, minified } = await bundle(project.directory, line, ['openapi-fetch'])
        result.figures.push({
          id: `size.${name}.min_gzip_bytes`,
          label: `${name} (min+gzip, openapi-fetch external)`,
          value: gzipped,
          unit: 'B',
          detail: `\`${line}\`; minified ${kb(minified)}`,
          readme: !name.endsWith('-types') && name !== '@voicebatch/testing',
        })
      } catch (error) {
        result.notes.push(
          `size of ${name}: bundling failed: ${error instanceof Error ? error.message : error}`,
        )
      }
    }
    const openapiFetch = await bundle(project.directory, "export { default } from 'openapi-fetch'", [])
    result.figures.push({
      id: 'size.openapi-fetch.min_gzip_bytes',
      label: 'openapi-fetch itself (min+gzip)',
      value: openapiFetch.gzipped,
      unit: 'B',
      detail: `minified ${kb(openapiFetch.minified)}; every client depends on it`,
      readme: true,
    })

    try {
      const facade = await bundle(project.directory, facadeWithTruedy, ['openapi-fetch'])
      const sizes = bytesByPackage(facade.metafile)
      const pulled = [...sizes].filter(([name]) =>
        otherProviders.some((provider) => name.startsWith(provider)),
      )
      const pulledBytes = pulled.reduce((sum, [, bytes]) => sum + bytes, 0)
      const markers = otherProviderMarkers.filter((marker) => facade.text.includes(marker))
      result.figures.push(
        {
          id: 'size.facade_truedy_only.min_gzip_bytes',
          label: 'voicebatch configured with truedy only (min+gzip)',
          value: facade.gzipped,
          unit: 'B',
          readme: true,
          detail: `minified ${kb(facade.minified)}; by package (minified): ${[...sizes]
            .map(([name, bytes]) => `${name} ${kb(bytes)}`)
            .join(', ')}`,
        },
        {
          id: 'size.facade_truedy_only.other_provider_bytes',
          label: 'of which ultravox + techladder code (minified)',
          value: pulledBytes,
          unit: 'B',
          detail:
            pulled.length === 0
              ? 'none'
              : `${pulled.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}; found: ${markers.join(', ')}`,
        },
      )
      const alone = await bundle(
        project.directory,
        facadeWithTruedy,
        ['openapi-fetch'],
        [withoutOtherProviders],
      )
      result.figures.push({
        id: 'size.facade_truedy_only.without_other_providers.min_gzip_bytes',
        label: 'the same if the facade did not import ultravox/techladder',
        value: alone.gzipped,
        unit: 'B',
        detail: `${facade.gzipped - alone.gzipped} B min+gzip less; the facade's own code for every provider (normalizers, listing) stays`,
      })
      result.targets.push(
        budgetTarget(
          'size.facade_truedy_only.other_provider_bytes',
          'facade with truedy only: no ultravox/techladder code',
          pulledBytes,
          'B',
          '<=',
          0,
          pulled.length === 0
            ? 'none'
            : `${pulled.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')} minified`,
        ),
      )
    } catch (error) {
      result.notes.push(
        `facade tree-shaking: bundling failed: ${error instanceof Error ? error.message : error}`,
      )
    }
  } finally {
    project.remove()
  }

  sizeLimitBudgets(root, result)
  return result
}

interface SizeLimitCheck {
  name: string
  passed?: boolean
  size?: number
  sizeLimit?: number
  message?: string
}

/** The budgets another part of the project keeps in .size-limit.json, measured by size-limit itself. */
function sizeLimitBudgets(root: string, result: ScenarioResult): void {
  const config = join(root, '.size-limit.json')
  if (!existsSync(config)) {
    result.notes.push('.size-limit.json does not exist: no size-limit budgets to check')
    return
  }
  const run = runCommand(join(root, 'node_modules', '.bin', 'size-limit'), ['--json'], {
    cwd: root,
    timeoutMs: 120_000,
  })
  const json = run.output.slice(run.output.indexOf('['), run.output.lastIndexOf(']') + 1)
  let checks: SizeLimitCheck[]
  try {
    checks = JSON.parse(json) as SizeLimitCheck[]
  } catch {
    result.notes.push(`size-limit --json gave no result (exit ${run.status}):\n${tail(run.output)}`)
    return
  }
  const compression = /"gzip"\s*:\s*true/.test(readFileSync(config, 'utf8')) ? 'gzip' : 'brotli'
  for (const check of checks) {
    if (check.size === undefined || check.sizeLimit === undefined) {
      result.notes.push(`size-limit "${check.name}": ${check.message ?? 'no size'}`)
      continue
    }
    result.targets.push(
      budgetTarget(
        `size_limit.${check.name}`,
        `size-limit: ${check.name} (${compression}, as built)`,
        check.size,
        'B',
        '<=',
        check.sizeLimit,
      ),
    )
  }
}
