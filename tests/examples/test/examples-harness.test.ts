import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { extractExamples, extractExamplesFromFile } from '../src/extract-examples.ts'
import { type PreparedExamples, prepareExamples } from '../src/prepare-examples.ts'
import { EXAMPLES_PACKAGE, runExample } from '../src/run-examples.ts'
import { typecheckExamples } from '../src/typecheck-examples.ts'

describe('extracting examples', () => {
  test('ts and typescript blocks, with their line; other languages are not examples', () => {
    const markdown = [
      '# x',
      '```ts',
      'const a = 1',
      '```',
      '```sh',
      'ls',
      '```',
      '```typescript',
      'a()',
      '```',
    ].join('\n')
    expect(extractExamples('X.md', markdown)).toEqual([
      { file: 'X.md', line: 2, code: 'const a = 1\n', notRun: null },
      { file: 'X.md', line: 8, code: 'a()\n', notRun: null },
    ])
  })

  test('a not-run marker carries its reason', () => {
    const markdown = ['<!-- example: not-run (needs live keys) -->', '', '```ts', 'x', '```'].join('\n')
    expect(extractExamples('X.md', markdown)[0]?.notRun).toBe('needs live keys')
  })

  test('a marker without a reason, with another verb, or before no TypeScript block is an error', () => {
    expect(() => extractExamples('X.md', '<!-- example: not-run -->\n```ts\nx\n```')).toThrow(
      'X.md:1: example marker "<!-- example: not-run -->" must read <!-- example: not-run (the reason) -->',
    )
    expect(() => extractExamples('X.md', '<!-- example: skip (why) -->\n```ts\nx\n```')).toThrow(/X\.md:1/)
    expect(() =>
      extractExamples('X.md', '<!-- example: not-run (why) -->\nSome text.\n```ts\nx\n```'),
    ).toThrow('X.md:1: example marker is not followed by a TypeScript block')
    expect(() => extractExamples('X.md', '<!-- example: not-run (why) -->\n```sh\nls\n```')).toThrow(
      'X.md:1: example marker is not followed by a TypeScript block',
    )
  })

  test('an unclosed block is an error', () => {
    expect(() => extractExamples('X.md', 'a\n```ts\nx\n')).toThrow('X.md:2: code block is never closed')
  })
})

describe('a README with broken examples fails', () => {
  const examples = extractExamplesFromFile(
    join(import.meta.dirname, 'fixtures', 'broken-readme.md'),
    'broken.md',
  )
  const directory = join(EXAMPLES_PACKAGE, '.examples', 'harness-test')
  let prepared: PreparedExamples | undefined
  const at = (index: number) => {
    const example = prepared?.written[index]
    if (example === undefined) throw new Error(`no example ${index}`)
    return example
  }
  const diagnosticsOf = (index: number) => prepared?.diagnostics.get(at(index).path)
  const env = () => prepared?.mocks.env ?? {}

  beforeAll(async () => {
    prepared = await prepareExamples(examples, directory)
  })
  afterAll(() => prepared?.close())

  test('finds four examples to run and one marked not-run', () => {
    expect(prepared?.written.map((example) => example.line)).toEqual([5, 15, 24, 36])
    expect(examples.filter((example) => example.notRun !== null).map((example) => example.notRun)).toEqual([
      'a fragment: `client` and `path` stand for yours',
    ])
  })

  test('the good one type-checks and runs against the mocks through the real base URL', async () => {
    expect(diagnosticsOf(0)).toEqual([])
    const result = await runExample(at(0), env())
    expect(result.output).toBe('')
    expect(result.passed).toBe(true)
  })

  test('a type error is reported on its line', () => {
    const found = diagnosticsOf(1) ?? []
    expect(found.map(({ line, text }) => `${line}: ${text.slice(0, 90)}`)).toEqual([
      "4: TS2561: Object literal may only specify known properties, but 'batch_call' does not exist ",
    ])
  })

  test('one that throws when run fails with the error in its output', async () => {
    expect(diagnosticsOf(2)).toEqual([])
    const result = await runExample(at(2), env())
    expect(result.passed).toBe(false)
    expect(result.output).toMatch(/invalid_state/)
  })

  test('one that reaches a host with no mock fails without sending anything', async () => {
    const result = await runExample(at(3), env())
    expect(result.passed).toBe(false)
    expect(result.output).toMatch(
      /README example tried to reach https:\/\/example\.com\/: no mock server answers/,
    )
  })
})

describe('type-checking examples', () => {
  const directory = join(EXAMPLES_PACKAGE, '.examples', 'checker-test')
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  test("a message in several lines stays one diagnostic; each file gets only its own; the checker's tsconfig is removed", () => {
    mkdirSync(directory, { recursive: true })
    const chained = join(directory, 'chained.ts')
    const clean = join(directory, 'clean.ts')
    writeFileSync(chained, 'export const f: (x: number) => void = (x: string) => {\n  void x\n}\n')
    writeFileSync(clean, 'export const fine: number = 1\n')
    const diagnostics = typecheckExamples([chained, clean])
    expect(diagnostics.get(clean)).toEqual([])
    const [only, ...others] = diagnostics.get(chained) ?? []
    expect(others).toEqual([])
    expect(only).toEqual({
      line: 1,
      column: 14,
      text: [
        "TS2322: Type '(x: string) => void' is not assignable to type '(x: number) => void'.",
        "Types of parameters 'x' and 'x' are incompatible.",
        "Type 'number' is not assignable to type 'string'.",
      ].join('\n'),
    })
    expect(readdirSync(directory).sort()).toEqual(['chained.ts', 'clean.ts'])
  })
})
