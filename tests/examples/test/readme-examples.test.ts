import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { extractExamplesFromFile } from '../src/extract-examples.ts'
import { type PreparedExamples, prepareExamples } from '../src/prepare-examples.ts'
import { REPOSITORY_ROOT, readmeFiles } from '../src/readme-files.ts'
import { EXAMPLES_PACKAGE, runExample, type WrittenExample } from '../src/run-examples.ts'
import type { ExampleDiagnostic } from '../src/typecheck-examples.ts'

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
  let prepared: PreparedExamples | undefined

  beforeAll(async () => {
    prepared = await prepareExamples(examples, directory)
  })
  afterAll(() => prepared?.close())

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
      const file = prepared?.written.find(
        (candidate) => candidate.file === example.file && candidate.line === example.line,
      )
      if (file === undefined || prepared === undefined) throw new Error(`${name} was not set up`)
      expect(describeDiagnostics(file, prepared.diagnostics.get(file.path) ?? []), 'type errors').toBe('')
      prepared.mocks.reset()
      const result = await runExample(file, prepared.mocks.env)
      expect(result.passed, `${name} failed when run:\n${result.output}`).toBe(true)
    })
  }
})
