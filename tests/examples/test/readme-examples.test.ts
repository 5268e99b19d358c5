import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ExampleMocks, startExampleMocks } from '../src/example-mocks.ts'
import { extractExamplesFromFile } from '../src/extract-examples.ts'
import { REPOSITORY_ROOT, readmeFiles } from '../src/readme-files.ts'
import { EXAMPLES_PACKAGE, runExample, type WrittenExample, writeExamples } from '../src/run-examples.ts'
import { type ExampleDiagnostic, typecheckExamples } from '../src/typecheck-examples.ts'

// Extracted when the file is collected: a malformed marker fails this file, naming README and line.
const examples = readmeFiles().flatMap((file) => extractExamplesFromFile(join(REPOSITORY_ROOT, file), file))
const runnable = examples.filter((example) => example.notRun === null)
const directory = join(EXAMPLES_PACKAGE, '.examples', 'readmes')

/** `packages/truedy/README.md:23:5 TS2345: ...`: the README's own line numbers. */
function describeDiagnostics(example: WrittenExample, diagnostics: readonly ExampleDiagnostic[]): string {
  return diagnostics
    .map(
      (diagnostic) =>
        `${example.file}:${example.line + Math.max(diagnostic.line, 1)}:${diagnostic.column} ${diagnostic.text}`,
    )
    .join('\n')
}

describe('every TypeScript example of every README', () => {
  let written: WrittenExample[] = []
  let diagnostics = new Map<string, ExampleDiagnostic[]>()
  let mocks: ExampleMocks | undefined

  beforeAll(async () => {
    rmSync(directory, { recursive: true, force: true })
    written = writeExamples(runnable, directory)
    diagnostics = typecheckExamples(written.map((example) => example.path))
    mocks = await startExampleMocks()
  })
  afterAll(async () => {
    await mocks?.close()
    rmSync(directory, { recursive: true, force: true })
  })

  test('there are examples to run in the READMEs', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(10)
  })

  for (const example of examples) {
    const name = `${example.file}:${example.line}`
    if (example.notRun !== null) {
      test.skip(`${name} (not run: ${example.notRun})`, () => {})
      continue
    }
    test(`${name} type-checks and runs against the mock servers`, async () => {
      const file = written.find(
        (candidate) => candidate.file === example.file && candidate.line === example.line,
      )
      if (file === undefined || mocks === undefined) throw new Error(`${name} was not set up`)
      expect(describeDiagnostics(file, diagnostics.get(file.path) ?? []), 'type errors').toBe('')
      mocks.reset()
      const result = await runExample(file, mocks.env)
      expect(result.passed, `${name} failed when run:\n${result.output}`).toBe(true)
    })
  }
})
