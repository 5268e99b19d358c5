import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BATCHES,
  CALLS_PER_BATCH,
  closeMockServers,
  type MockServers,
  startMockServers,
} from './support/mock-servers.js'

/**
 * What a user's bundler makes of the published package: tiny consumers of the built `dist`
 * (resolved through `voicebatch`'s package.json, as an installed package is), bundled and
 * minified by esbuild, then run against the mock servers. Needs the packages built first
 * (`pnpm exec turbo run build --filter=voicebatch...`; `pnpm test` does it).
 */
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))
const facadeDist = 'packages/voicebatch/dist/index.mjs'

/** Code that only a provider's client holds (its auth header, paths, base URL, factory and key names). */
const clientCode = {
  ultravox: ['createUltravoxClient', 'ULTRAVOX_API_KEY', 'scheduled_batches', 'api.ultravox.ai'],
  techladder: [
    'createTechladderClient',
    'TECHLADDER_API_KEY',
    'X-API-Key',
    'api.staging.techladder',
    'call-batches',
  ],
  truedy: ['createTruedyClient', 'TRUEDY_API_KEY', 'batch-calls', 'api.truedy.ai'],
}

const consumers = {
  truedyOnly: `
    import { createVoiceBatchFrom, truedyAdapter } from 'voicebatch'
    export async function run(servers) {
      const vb = createVoiceBatchFrom({ truedy: truedyAdapter(servers.truedy) })
      const batches = await vb.listBatches({ status: 'running' }).toArray()
      const calls = await vb.listCalls({ provider: 'truedy', batchId: batches[0].id }).toArray()
      return { providers: vb.providers, batches: batches.length, calls: calls.length }
    }`,
  allThree: `
    import { createVoiceBatch } from 'voicebatch'
    export async function run(servers) {
      const vb = createVoiceBatch(servers)
      const batches = await vb.listBatches().toArray()
      const calls = await vb.listCalls({ provider: 'techladder', batchId: batches.find((b) => b.provider === 'techladder').id }).toArray()
      return { providers: vb.providers, batches: batches.length, calls: calls.length }
    }`,
  bareTruedyClient: `
    import { createTruedyClient } from '@voicebatch/truedy'
    export async function run(servers) {
      const truedy = createTruedyClient(servers.truedy)
      return { batches: (await truedy.paginate('/batch-calls').toArray()).length }
    }`,
}

interface Bundle {
  code: string
  gzip: number
  /** The files that put code into the bundle, relative to the repository root. */
  inputs: string[]
  run(servers: unknown): Promise<Record<string, unknown>>
}

let servers: MockServers
let directory: string
const bundles = {} as Record<keyof typeof consumers, Bundle>

async function bundle(name: keyof typeof consumers): Promise<Bundle> {
  const result = await build({
    stdin: { contents: consumers[name], resolveDir: join(repositoryRoot, 'packages/voicebatch/test') },
    absWorkingDir: repositoryRoot,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const [output] = result.outputFiles
  if (output === undefined) throw new Error(`esbuild wrote nothing for ${name}`)
  const file = join(directory, `${name}.mjs`)
  writeFileSync(file, output.contents)
  const module = (await import(pathToFileURL(file).href)) as Pick<Bundle, 'run'>
  return {
    code: output.text,
    gzip: gzipSync(output.contents).length,
    inputs: Object.values(result.metafile.outputs).flatMap((built) => Object.keys(built.inputs)),
    run: module.run,
  }
}

beforeAll(async () => {
  if (!existsSync(resolve(repositoryRoot, facadeDist))) {
    throw new Error(
      `${facadeDist} is not built: run \`pnpm exec turbo run build --filter=voicebatch...\` first.`,
    )
  }
  servers = await startMockServers()
  directory = mkdtempSync(join(tmpdir(), 'voicebatch-tree-shaking-'))
  for (const name of Object.keys(consumers) as Array<keyof typeof consumers>) {
    bundles[name] = await bundle(name)
  }
}, 60_000)
afterAll(async () => {
  await closeMockServers(servers)
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true })
})

const options = (provider: keyof MockServers) => ({
  baseUrl: servers[provider].url,
  apiKey: servers[provider].apiKey,
  maxRetries: 0,
})

describe('the facade importing one provider does not pull in the others', () => {
  it('createVoiceBatchFrom with the Truedy adapter bundles no Ultravox or Techladder client', async ({
    annotate,
  }) => {
    const { code, inputs, gzip } = bundles.truedyOnly
    expect(inputs).toContain(facadeDist)
    expect(inputs).toContain('packages/truedy/dist/index.mjs')
    expect(inputs.filter((input) => /packages\/(ultravox|techladder)/.test(input))).toEqual([])
    for (const marker of [...clientCode.ultravox, ...clientCode.techladder])
      expect(code).not.toContain(marker)
    for (const marker of clientCode.truedy) expect(code).toContain(marker)

    const bare = bundles.bareTruedyClient.gzip
    expect(gzip).toBeLessThan(bundles.allThree.gzip)
    await annotate(
      `gzip: facade with Truedy only ${gzip} B, facade with all three ${bundles.allThree.gzip} B, bare Truedy client ${bare} B`,
    )
  })

  it('the Truedy-only bundle works', async () => {
    const result = await bundles.truedyOnly.run({ truedy: options('truedy') })
    expect(result.providers).toEqual(['truedy'])
    expect(result.batches).toBeGreaterThan(0)
    expect(result.calls).toBe(CALLS_PER_BATCH)
  })

  it('createVoiceBatch still bundles and runs all three providers', async () => {
    const { code, inputs } = bundles.allThree
    for (const provider of ['ultravox', 'techladder', 'truedy'] as const) {
      expect(inputs).toContain(`packages/${provider}/dist/index.mjs`)
      // The markers above are real: each is in the bundle that holds its client.
      for (const marker of clientCode[provider]) expect(code).toContain(marker)
    }
    const result = await bundles.allThree.run({
      ultravox: { ...options('ultravox'), agentIds: [...servers.ultravox.agentIds] },
      techladder: options('techladder'),
      truedy: options('truedy'),
    })
    expect(result).toEqual({
      providers: ['ultravox', 'techladder', 'truedy'],
      batches: servers.ultravox.agentIds.length * BATCHES + 2 * BATCHES,
      calls: CALLS_PER_BATCH,
    })
    expect(await bundles.bareTruedyClient.run({ truedy: options('truedy') })).toEqual({ batches: BATCHES })
  })
})
