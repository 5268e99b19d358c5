import { rmSync } from 'node:fs'
import { type ExampleMocks, startExampleMocks } from './example-mocks.ts'
import type { Example } from './extract-examples.ts'
import { type WrittenExample, writeExamples } from './run-examples.ts'
import { type ExampleDiagnostic, typecheckExamples } from './typecheck-examples.ts'

export interface PreparedExamples {
  readonly written: WrittenExample[]
  /** Type errors by extracted file path; an empty list for a file that checks. */
  readonly diagnostics: Map<string, ExampleDiagnostic[]>
  readonly mocks: ExampleMocks
  /** Stops the mocks and removes the extracted files. */
  close(): Promise<void>
}

/** Writes the examples that run into `directory` (emptied first), type-checks them, starts the mocks. */
export async function prepareExamples(
  examples: readonly Example[],
  directory: string,
): Promise<PreparedExamples> {
  rmSync(directory, { recursive: true, force: true })
  const written = writeExamples(
    examples.filter((example) => example.notRun === null),
    directory,
  )
  const diagnostics = typecheckExamples(written.map((example) => example.path))
  const mocks = await startExampleMocks()
  return {
    written,
    diagnostics,
    mocks,
    close: async () => {
      await mocks.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
