import { join } from 'node:path'
import ts from 'typescript'

const BASE_TSCONFIG = join(import.meta.dirname, '..', '..', '..', 'tsconfig.base.json')

export interface ExampleDiagnostic {
  /** 1-based line inside the file; 0 when the problem has no position. */
  readonly line: number
  readonly column: number
  /** `TS2322: Type 'string' is not assignable to type 'number'.` */
  readonly text: string
}

/**
 * Type-checks the files in one program with the repository's strict settings (nodenext, the strict
 * flags), each file a module of its own. Declaration files are skipped, as in every program of the
 * repository: `pnpm test` checks them once (tsconfig.declarations.json), under the same flags.
 * Returns the diagnostics per file: empty for a file that checks.
 */
export function typecheckExamples(files: readonly string[]): Map<string, ExampleDiagnostic[]> {
  const config = ts.readConfigFile(BASE_TSCONFIG, ts.sys.readFile.bind(ts.sys))
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'))
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, join(BASE_TSCONFIG, '..'))
  const program = ts.createProgram([...files], {
    ...options,
    noEmit: true,
    moduleDetection: ts.ModuleDetectionKind.Force,
    // README examples show values they do not use again (`const { data, error } = ...`).
    noUnusedLocals: false,
  })
  const byFile = new Map<string, ExampleDiagnostic[]>(files.map((file) => [file, []]))
  const global: ExampleDiagnostic[] = []
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    const file = diagnostic.file
    if (file === undefined || !byFile.has(file.fileName)) {
      global.push({ line: 0, column: 0, text: file ? `${file.fileName}: ${message}` : message })
      continue
    }
    const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
    byFile
      .get(file.fileName)
      ?.push({ line: line + 1, column: character + 1, text: `TS${diagnostic.code}: ${message}` })
  }
  if (global.length > 0) for (const list of byFile.values()) list.push(...global)
  return byFile
}
