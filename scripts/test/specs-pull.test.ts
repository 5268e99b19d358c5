import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { validateSpec } from '../generate/validate-spec.ts'
import { pullSpecs } from '../specs-pull/pull-specs.ts'
import { TSX_NODE_ARGS } from './support/run-script.ts'
import { type SpecServer, startSpecServer } from './support/spec-server.ts'
import {
  createTempSpecRepo,
  REPO_ROOT,
  type SpecDocument,
  type TempSpecRepo,
} from './support/temp-spec-repo.ts'

const TRUEDY_SOURCE = 'https://docs.truedy.ai/api-reference/openapi.json'
const original = (name: string) => readFileSync(join(REPO_ROOT, 'specs', `${name}.yaml`), 'utf8')

/** Truedy's spec as its publisher would serve it: JSON, without our x-voicebatch-source, one version later. */
function publishedTruedy(change: (document: SpecDocument) => void = () => {}): string {
  const document = parse(original('truedy')) as SpecDocument
  delete document.info['x-voicebatch-source']
  change(document)
  return JSON.stringify(document)
}

const newVersion = (document: SpecDocument) => {
  document.info.version = '1.1.0'
  document.paths['/batch-calls'].get.parameters.push({
    name: 'agent_id',
    in: 'query',
    required: false,
    description: 'Only the campaigns of this agent',
    schema: { type: 'string' },
  })
}

describe('pnpm specs:pull against a loopback server', () => {
  let server: SpecServer
  let repo: TempSpecRepo
  const specText = (name: string) => repo.readSpec(name)

  beforeAll(async () => {
    const ultravox = parse(original('ultravox')) as SpecDocument
    server = await startSpecServer({
      '/truedy/old.json': { status: 200, body: publishedTruedy() },
      '/truedy/new.json': { status: 200, body: publishedTruedy(newVersion) },
      '/truedy/new.yaml': {
        status: 200,
        type: 'application/yaml',
        body: stringify(parse(publishedTruedy(newVersion))),
      },
      '/truedy/invalid.json': {
        status: 200,
        body: publishedTruedy((document) => {
          document.paths['/batch-calls/{batch_call_id}'].get.operationId = 'list_batch_calls'
        }),
      },
      '/truedy/html': { status: 200, type: 'text/html', body: '<html><body>Moved</body></html>' },
      '/truedy/truncated.json': { status: 200, body: publishedTruedy().slice(0, 500) },
      '/truedy/error': { status: 503, body: 'unavailable' },
      '/truedy/hang': 'hang',
      '/ultravox/new.yaml': {
        status: 200,
        type: 'application/yaml',
        body: stringify({ ...ultravox, info: { ...ultravox.info, version: '0.2.0' } }),
      },
    })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    repo = createTempSpecRepo('voicebatch-specs-pull-')
  })
  afterEach(() => repo.remove())

  const pull = (name: string, path: string, timeoutMs = 5_000) =>
    pullSpecs(repo.root, { only: [name], sources: { [name]: server.url(path) }, timeoutMs })

  test('the same document (JSON upstream, YAML here) is unchanged, and the file is not touched', async () => {
    const before = specText('truedy')
    const [result] = await pull('truedy', '/truedy/old.json')
    expect(result).toMatchObject({ name: 'truedy', status: 'unchanged' })
    expect(specText('truedy')).toBe(before)
  })

  test('a new version is validated, written as YAML keeping our source URL, and summarized', async () => {
    const [result] = await pull('truedy', '/truedy/new.json')
    expect(result?.status).toBe('updated')
    expect(result?.detail).toBe(
      '1.0.0 → 1.1.0, minor, 2 change(s): GET /batch-calls: new query parameter `agent_id`; API version 1.0.0 → 1.1.0',
    )
    const written = specText('truedy')
    expect(written.startsWith('openapi: 3.1.0\n')).toBe(true)
    const document = parse(written) as SpecDocument
    expect(document.info['x-voicebatch-source']).toBe(TRUEDY_SOURCE)
    expect(document.info.version).toBe('1.1.0')
    await expect(
      validateSpec(repo.root, { name: 'truedy', file: 'specs/truedy.yaml', overlay: null }),
    ).resolves.toBeDefined()
  })

  test('a YAML upstream keeps its layout', async () => {
    const [result] = await pull('truedy', '/truedy/new.yaml')
    expect(result?.status).toBe('updated')
    const served = stringify(parse(publishedTruedy(newVersion)))
    expect(specText('truedy')).toBe(
      served.replace('info:\n', `info:\n  x-voicebatch-source: ${TRUEDY_SOURCE}\n`),
    )
  })

  const failures: [string, string, RegExp][] = [
    [
      'a spec that fails validation',
      '/truedy/invalid.json',
      /specs\/truedy\.yaml#\/paths\/.*unique `operationId`/,
    ],
    [
      'an HTML page',
      '/truedy/html',
      /^the download is not an OpenAPI document: it starts with "<html><body>Moved/,
    ],
    ['truncated JSON', '/truedy/truncated.json', /the download is not valid JSON/],
    [
      'an HTTP error',
      '/truedy/error',
      /^HTTP 503 Service Unavailable from http:\/\/127\.0\.0\.1:\d+\/truedy\/error$/,
    ],
    ['a missing file', '/truedy/missing', /^HTTP 404 Not Found from /],
  ]
  for (const [what, path, reason] of failures) {
    test(`${what} fails with the reason, and nothing is written`, async () => {
      const before = specText('truedy')
      const [result] = await pull('truedy', path)
      expect(result?.status).toBe('failed')
      expect(result?.detail).toMatch(reason)
      expect(specText('truedy')).toBe(before)
    })
  }

  test('a server that does not answer fails after the timeout', async () => {
    const started = Date.now()
    const [result] = await pull('truedy', '/truedy/hang', 300)
    expect(result?.detail).toMatch(/^no answer from http:\/\/127\.0\.0\.1:\d+\/truedy\/hang within 300 ms$/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  test('the command: one line per spec, the good one written, the failed one not, exit 1', async () => {
    const before = specText('truedy')
    // Async: the loopback server runs in this process and must keep answering.
    const result = await promisify(execFile)(
      process.execPath,
      [
        ...TSX_NODE_ARGS,
        join(REPO_ROOT, 'scripts', 'specs-pull.ts'),
        'techladder',
        'truedy',
        'ultravox',
        `--source=truedy=${server.url('/truedy/error')}`,
        `--source=ultravox=${server.url('/ultravox/new.yaml')}`,
      ],
      { cwd: repo.root, encoding: 'utf8' },
    ).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    )
    expect(result.code, result.stderr).toBe(1)
    expect(result.stdout).toMatch(/^techladder\s+skipped\s+no source recorded/m)
    expect(result.stdout).toMatch(/^truedy\s+failed\s+HTTP 503/m)
    expect(result.stdout).toMatch(
      /^ultravox\s+updated\s+0\.1\.0 → 0\.2\.0, patch, 1 change\(s\): API version 0\.1\.0 → 0\.2\.0$/m,
    )
    expect(result.stderr).toContain('1 spec(s) failed and were left as they were: truedy')
    expect(specText('truedy')).toBe(before)
    expect((parse(specText('ultravox')) as SpecDocument).info.version).toBe('0.2.0')
  })

  test('an unknown provider name is an error before anything is downloaded', async () => {
    await expect(pullSpecs(repo.root, { only: ['acme'] })).rejects.toThrow('no spec named "acme" in specs/')
  })
})

describe('pnpm specs:pull on a published document with an overlay (Ultravox)', () => {
  const release = (date: string) =>
    readFileSync(join(REPO_ROOT, 'scripts/test/fixtures/ultravox-releases', `${date}.yaml`), 'utf8')
  const withoutMetadata = (() => {
    const document = parse(original('ultravox')) as SpecDocument
    delete document.components.schemas.ScheduledCall.properties.metadata
    return JSON.stringify(document)
  })()
  let server: SpecServer
  let repo: TempSpecRepo
  const generated = () =>
    readFileSync(join(repo.root, 'packages/ultravox-types/src/generated/openapi.ts'), 'utf8')
  const exists = (path: string) => existsSync(join(repo.root, path))

  beforeAll(async () => {
    server = await startSpecServer({
      '/api/schema/older.yaml': { status: 200, type: 'application/yaml', body: release('2026-06-04') },
      '/api/schema/no-metadata.json': { status: 200, body: withoutMetadata },
    })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    repo = createTempSpecRepo('voicebatch-specs-pull-overlay-')
  })
  afterEach(() => repo.remove())

  test('writes the document byte for byte, re-applies the overlay, regenerates types and changeset', async () => {
    const served = release('2026-06-04')
    const [result] = await pullSpecs(repo.root, {
      only: ['ultravox'],
      sources: { ultravox: server.url('/api/schema/older.yaml') },
      timeoutMs: 5_000,
    })
    expect(result?.status, result?.detail).toBe('updated')
    expect(repo.readSpec('ultravox')).toBe(served)
    const types = generated()
    expect(types).not.toContain('enableSsmlParsing')
    // The overlay's additions are in the regenerated types.
    expect(types).toContain('ErrorDetail: {')
    expect(types).toMatch(/metadata\?: \{\s+\[key: string\]: string;\s+\} \| null;/)
    const changeset = readFileSync(join(repo.root, '.changeset/spec-ultravox-types.md'), 'utf8')
    expect(changeset).toContain('"@voicebatch/ultravox-types": major')
    expect(changeset).toMatch(/removed field `[^`]*enableSsmlParsing` .*\(breaking\)/)
  }, 120_000)

  test('an overlay action that no longer matches fails, naming the action, and nothing is written', async () => {
    const before = repo.readSpec('ultravox')
    const [result] = await pullSpecs(repo.root, {
      only: ['ultravox'],
      sources: { ultravox: server.url('/api/schema/no-metadata.json') },
      timeoutMs: 5_000,
    })
    expect(result?.status).toBe('failed')
    expect(result?.detail).toMatch(
      /^specs\/ultravox\.overlay\.yaml#\/actions\/0: action 1 \(target \$\.components\.schemas\.ScheduledCall\.properties\.metadata;/,
    )
    expect(repo.readSpec('ultravox')).toBe(before)
    expect(exists('packages/ultravox-types/src/generated/openapi.ts')).toBe(false)
    expect(exists('.changeset/spec-ultravox-types.md')).toBe(false)
  }, 60_000)

  test('--source takes a file path too', async () => {
    const file = join(repo.root, 'downloaded.yaml')
    writeFileSync(file, release('2026-06-04'))
    const [result] = await pullSpecs(repo.root, {
      only: ['ultravox'],
      sources: { ultravox: 'downloaded.yaml' },
      regenerate: false,
    })
    expect(result?.status, result?.detail).toBe('updated')
    expect(repo.readSpec('ultravox')).toBe(release('2026-06-04'))
  }, 60_000)
})
