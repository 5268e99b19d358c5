import { LineCounter, parseDocument as parseYaml } from 'yaml'
import { SpecError } from './spec-error.ts'

/** Parses a YAML or JSON text (by the file's extension); a syntax error names the file and the line. */
export function parseDocument(file: string, source: string): unknown {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(source)
    } catch (error) {
      throw new SpecError(file, '', `not valid JSON: ${(error as Error).message}`)
    }
  }
  const lineCounter = new LineCounter()
  const document = parseYaml(source, { lineCounter, prettyErrors: false })
  const [first] = document.errors
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0])
    throw new SpecError(file, '', `not valid YAML at line ${line}, column ${col}: ${first.message}`)
  }
  return document.toJS({ maxAliasCount: -1 })
}
