import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ExampleMocks, startExampleMocks } from '../src/example-mocks.ts'
import { extractExamples, extractExamplesFromFile } from '../src/extract-examples.ts'
import { EXAMPLES_PACKAGE, runExample, type WrittenExample, writeExamples } from '../src/run-examples.ts'
import { type ExampleDiagnostic, typecheckExamples } from '../src/typecheck-examples.ts'

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
  let written: WrittenExample[] = []
  let diagnostics = new Map<string, ExampleDiagnostic[]>()
  let mocks: ExampleMocks | undefined
  const at = (index: number) => {
    const example = written[index]
    if (example === undefined) throw new Error(`no example ${index}`)
    return example
  }

  beforeAll(async () => {
    written = writeExamples(
      examples.filter((example) => example.notRun === null),
      directory,
    )
    diagnostics = typecheckExamples(written.map((example) => example.path))
    mocks = await startExampleMocks()
  })
  afterAll(async () => {
    await mocks?.close()
    rmSync(directory, { recursive: true, force: true })
  })

  test('finds four examples to run and one marked not-run', () => {
    expect(written.map((example) => example.line)).toEqual([5, 15, 24, 36])
    expect(examples.filter((example) => example.notRun !== null).map((example) => example.notRun)).toEqual([
      'a fragment: `client` and `path` stand for yours',
    ])
  })

  test('the good one type-checks and runs against the mocks through the real base URL', async () => {
    expect(diagnostics.get(at(0).path)).toEqual([])
    const result = await runExample(at(0), mocks?.env ?? {})
    expect(result.output).toBe('')
    expect(result.passed).toBe(true)
  })

  test('a type error is reported on its line', () => {
    const found = diagnostics.get(at(1).path) ?? []
    expect(found.map(({ line, text }) => `${line}: ${text.slice(0, 90)}`)).toEqual([
      "4: TS2561: Object literal may only specify known properties, but 'batch_call' does not exist ",
    ])
  })

  test('one that throws when run fails with the error in its output', async () => {
    expect(diagnostics.get(at(2).path)).toEqual([])
    const result = await runExample(at(2), mocks?.env ?? {})
    expect(result.passed).toBe(false)
    expect(result.output).toMatch(/invalid_state/)
  })

  test('one that reaches a host with no mock fails without sending anything', async () => {
    const result = await runExample(at(3), mocks?.env ?? {})
    expect(result.passed).toBe(false)
    expect(result.output).toMatch(
      /README example tried to reach https:\/\/example\.com\/: no mock server answers/,
    )
  })
})
