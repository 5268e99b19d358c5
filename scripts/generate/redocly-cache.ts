import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * What the redocly CLI answered, by what decides the answer: the CLI's version and the inputs the
 * caller names (rules, documents, arguments). A hit gives the same answer without starting the CLI
 * (about a second of CPU a process). Kept in node_modules/.cache/voicebatch-redocly/<kind>/;
 * off with VOICEBATCH_REDOCLY_CACHE=off.
 */
const NODE_MODULES = join(import.meta.dirname, '..', '..', 'node_modules')
const DIRECTORY = join(NODE_MODULES, '.cache', 'voicebatch-redocly')

let cliVersion: string | undefined
function redoclyVersion(): string {
  cliVersion ??= (
    JSON.parse(readFileSync(join(NODE_MODULES, '@redocly', 'cli', 'package.json'), 'utf8')) as {
      version: string
    }
  ).version
  return cliVersion
}

export type RedoclyCacheKind = 'lint' | 'diff'

export function redoclyCacheEnabled(): boolean {
  return process.env.VOICEBATCH_REDOCLY_CACHE !== 'off'
}

/** The key of an answer: the CLI's version, then each input, length-prefixed (so inputs cannot run into each other). */
export function redoclyCacheKey(kind: RedoclyCacheKind, inputs: readonly string[]): string {
  const hash = createHash('sha256').update(`${kind}\n${redoclyVersion()}\n`)
  for (const input of inputs) hash.update(`${input.length}\n`).update(input)
  return hash.digest('hex')
}

/** Where the answer of `key` is kept. */
export function cachedAnswerFile(kind: RedoclyCacheKind, key: string): string {
  return join(DIRECTORY, kind, `${key}.json`)
}

export function readCachedAnswer<T>(kind: RedoclyCacheKind, key: string): T | null {
  try {
    return JSON.parse(readFileSync(cachedAnswerFile(kind, key), 'utf8')) as T
  } catch {
    return null
  }
}

/** Written to a temp file and renamed: a reader never sees half an answer, also with writers side by side. */
export function writeCachedAnswer(kind: RedoclyCacheKind, key: string, answer: unknown): void {
  try {
    const file = cachedAnswerFile(kind, key)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(answer))
    renameSync(`${file}.${process.pid}`, file)
  } catch {
    // A cache that cannot be written only costs the next run a CLI process.
  }
}
