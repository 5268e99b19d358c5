import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { TYPE_CHECKER } from '../../../scripts/test-run/type-checker.ts'

const BASE_TSCONFIG = join(import.meta.dirname, '..', '..', '..', 'tsconfig.base.json')

export interface ExampleDiagnostic {
  /** 1-based line inside the file; 0 when the problem has no position. */
  readonly line: number
  readonly column: number
  /** `TS2322: Type 'string' is not assignable to type 'number'.` */
  readonly text: string
}

/** The deepest folder that holds every file. */
function commonFolder(files: readonly string[]): string {
  let folder = dirname(resolve(files[0] ?? '.'))
  while (files.some((file) => relative(folder, resolve(file)).startsWith(`..${sep}`)))
    folder = dirname(folder)
  return folder
}

/**
 * `file(line,col): error TS2322: message` lines of `tsc --pretty false`, with the indented lines
 * after one (a chained message) joined to it; a line without a position is a global problem.
 */
function parseCheckerOutput(output: string, folder: string) {
  const found: { file: string | null; diagnostic: ExampleDiagnostic }[] = []
  for (const line of output.split(/\r?\n/)) {
    const located = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line)
    const global = /^error (TS\d+): (.*)$/.exec(line)
    const last = found.at(-1)
    if (located) {
      const [, file = '', row = '0', column = '0', code, message] = located
      found.push({
        file: resolve(folder, file),
        diagnostic: { line: Number(row), column: Number(column), text: `${code}: ${message}` },
      })
    } else if (global) {
      found.push({ file: null, diagnostic: { line: 0, column: 0, text: `${global[1]}: ${global[2]}` } })
    } else if (last && /^\s+\S/.test(line)) {
      found[found.length - 1] = {
        file: last.file,
        diagnostic: { ...last.diagnostic, text: `${last.diagnostic.text}\n${line.trim()}` },
      }
    } else if (line.trim() !== '') {
      found.push({ file: null, diagnostic: { line: 0, column: 0, text: line.trim() } })
    }
  }
  return found
}

/**
 * Type-checks the files in one program with the repository's strict settings (nodenext, the strict
 * flags), each file a module of its own, with the repository's type-checker (TypeScript 7,
 * scripts/test-run/type-checker.ts) through a tsconfig written beside them for the run. Declaration
 * files are skipped, as in every program of the repository: `pnpm test` checks them once
 * (tsconfig.declarations.json), under the same flags. Returns the diagnostics per file: empty for a
 * file that checks; a problem outside the files is added to every file.
 */
export function typecheckExamples(files: readonly string[]): Map<string, ExampleDiagnostic[]> {
  const byFile = new Map<string, ExampleDiagnostic[]>(files.map((file) => [file, []]))
  if (files.length === 0) return byFile
  const folder = commonFolder(files)
  const tsconfig = join(folder, `tsconfig.examples-${process.pid}.json`)
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: BASE_TSCONFIG,
      compilerOptions: {
        noEmit: true,
        moduleDetection: 'force',
        // README examples show values they do not use again (`const { data, error } = ...`).
        noUnusedLocals: false,
      },
      files: files.map((file) => resolve(file)),
    }),
  )
  try {
    const result = spawnSync(process.execPath, [TYPE_CHECKER, '--pretty', 'false', '-p', tsconfig], {
      cwd: folder,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    if (result.error) throw result.error
    const found = parseCheckerOutput(`${result.stdout}\n${result.stderr}`, folder)
    if (result.status !== 0 && found.length === 0) {
      throw new Error(`${TYPE_CHECKER} exited with ${result.status} and printed no diagnostic`)
    }
    const paths = new Map(files.map((file) => [resolve(file), file]))
    const global: ExampleDiagnostic[] = []
    for (const { file, diagnostic } of found) {
      const original = file === null ? undefined : paths.get(file)
      if (original === undefined) {
        global.push(file === null ? diagnostic : { line: 0, column: 0, text: `${file}: ${diagnostic.text}` })
      } else byFile.get(original)?.push(diagnostic)
    }
    if (global.length > 0) for (const list of byFile.values()) list.push(...global)
    return byFile
  } finally {
    rmSync(tsconfig, { force: true })
  }
}
