import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Example } from './extract-examples.ts'

export const EXAMPLES_PACKAGE = join(import.meta.dirname, '..')
const ROUTE_FETCH = join(import.meta.dirname, 'route-fetch-to-mocks.ts')
const VITEST = join(EXAMPLES_PACKAGE, 'node_modules', '.bin', 'vitest')

export interface WrittenExample extends Example {
  /** Absolute path of the extracted file. */
  readonly path: string
  /** A vitest test file (it imports from `vitest`): run by vitest, not as a script. */
  readonly isTest: boolean
}

export interface ExampleRun {
  readonly passed: boolean
  readonly output: string
}

/** `packages/truedy/README.md`, line 17 → `packages-truedy-README-L17.ts`. */
function fileName(example: Example, isTest: boolean): string {
  const slug = example.file.replace(/\.md$/i, '').replace(/[^\w]+/g, '-')
  return `${slug}-L${example.line}${isTest ? '.test' : ''}.ts`
}

/** Writes each example into `directory` (under this package, so its imports resolve as a user's would). */
export function writeExamples(examples: readonly Example[], directory: string): WrittenExample[] {
  mkdirSync(directory, { recursive: true })
  writeFileSync(
    join(directory, 'vitest.config.mjs'),
    "export default { test: { include: ['*.test.ts'], testTimeout: 30000 } }\n",
  )
  return examples.map((example) => {
    const isTest = /from\s+['"]vitest['"]/.test(example.code)
    const path = join(directory, fileName(example, isTest))
    writeFileSync(path, example.code)
    return { ...example, path, isTest }
  })
}

/** Runs a command with a deadline; resolves with its exit status and output, never rejects. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<ExampleRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: EXAMPLES_PACKAGE, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ passed: code === 0, output })
    })
  })
}

/**
 * Runs one example with `env` added: a script under Node through tsx, with `fetch` routed to the
 * mock servers; a vitest test file through vitest. Passes when it exits 0 within `timeoutMs`.
 */
export function runExample(
  example: WrittenExample,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ExampleRun> {
  // A nested vitest must not think it is a worker of the vitest running this.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'VOICEBATCH_TEST_SUMMARY',
    ),
  )
  const fullEnv = { ...base, ...env, NO_COLOR: '1' }
  if (example.isTest) {
    const directory = join(example.path, '..')
    const args = ['run', '--config', join(directory, 'vitest.config.mjs'), '--root', directory, example.path]
    return run(VITEST, args, fullEnv, timeoutMs)
  }
  return run(process.execPath, ['--import', 'tsx', '--import', ROUTE_FETCH, example.path], fullEnv, timeoutMs)
}
