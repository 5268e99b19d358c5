import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lintSpecs } from '../generate/lint-with-redocly.ts'
import { parseDocument } from '../generate/parse-document.ts'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function rootWith(config: string): string {
  const root = mkdtempSync(join(tmpdir(), 'voicebatch-lint-test-'))
  roots.push(root)
  writeFileSync(join(root, 'redocly.yaml'), config)
  return root
}

/** A small valid document whose one operation has no summary and no 4xx response. */
function document(title: string) {
  return {
    openapi: '3.1.0',
    info: { title, version: '1.0.0', description: 'd', license: { name: 'MIT', url: 'https://x.test' } },
    servers: [{ url: 'https://api.example.test' }],
    security: [],
    paths: {
      '/things': {
        get: {
          operationId: 'listThings',
          description: 'd',
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  }
}

const spec = (name: string) => ({ name, file: `specs/${name}.yaml`, overlay: null })
const rules = (results: { problems: { ruleId: string }[] }[]) =>
  results.map((result) => [...new Set(result.problems.map((problem) => problem.ruleId))].sort())

describe('lintSpecs: one redocly lint process for several specs', () => {
  it("gives each spec its own findings, under its own apis: entry's rules", async () => {
    const root = rootWith(
      'extends:\n  - recommended\napis:\n  acme:\n    root: specs/acme.yaml\n    rules:\n      operation-summary: off\n',
    )
    const results = await lintSpecs(root, [
      { spec: spec('acme'), document: document('Acme') },
      { spec: spec('zeta'), document: document('Zeta') },
    ])
    expect(results.map((result) => result.strictAlias)).toEqual(['acme', null])
    expect(rules(results)).toEqual([
      ['operation-4xx-response'],
      ['operation-4xx-response', 'operation-summary'],
    ])
  })

  it("lints several documents of one spec together, each under the spec's apis: entry", async () => {
    const root = rootWith(
      'extends:\n  - recommended\napis:\n  acme:\n    root: specs/acme.yaml\n    rules:\n      operation-summary: off\n',
    )
    const results = await lintSpecs(root, [
      { spec: spec('acme'), document: document('Acme v1') },
      { spec: spec('acme'), document: { ...document('Acme v2'), servers: [] } },
    ])
    expect(results.map((result) => result.strictAlias)).toEqual(['acme', 'acme'])
    expect(rules(results)).toEqual([
      ['operation-4xx-response'],
      ['no-empty-servers', 'operation-4xx-response'],
    ])
  })

  it('lints again when the rules change (cached findings are keyed by the rules too)', async () => {
    const strict = rootWith('extends:\n  - recommended\n')
    const relaxed = rootWith('extends:\n  - recommended\nrules:\n  operation-4xx-response: off\n')
    const input = [{ spec: spec('acme'), document: document('Acme cache') }]
    expect(rules(await lintSpecs(strict, input))).toEqual([['operation-4xx-response', 'operation-summary']])
    expect(rules(await lintSpecs(strict, input))).toEqual([['operation-4xx-response', 'operation-summary']])
    expect(rules(await lintSpecs(relaxed, input))).toEqual([['operation-summary']])
  })
})

describe('parseDocument', () => {
  it('reads YAML as redocly does and still names the line of a syntax error', () => {
    expect(parseDocument('a.yaml', 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\n')).toEqual({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
    })
    expect(() => parseDocument('a.yaml', 'openapi: 3.1.0\ninfo: [unclosed\n')).toThrow(
      /a\.yaml.*not valid YAML at line \d+, column \d+/s,
    )
  })
})
