import { createRequire } from 'node:module'
import { parseYaml as parseYamlFast } from '@redocly/openapi-core/lib/js-yaml/index.js'
import { SpecError } from './spec-error.ts'

/**
 * Parses a YAML or JSON text (by the file's extension); a syntax error names the file and the line.
 * YAML is read by the parser redocly and openapi-typescript use (js-yaml, YAML 1.2 core schema with
 * merge keys, no timestamps), several times faster than `yaml` on a provider's document; when it
 * refuses a text, `yaml` reads it again to say where the error is (or reads what js-yaml would not).
 */
export function parseDocument(file: string, source: string): unknown {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(source)
    } catch (error) {
      throw new SpecError(file, '', `not valid JSON: ${(error as Error).message}`)
    }
  }
  try {
    return parseYamlFast(source)
  } catch {
    // Fall through: `yaml` reports the line and column.
  }
  // `yaml` is loaded only for a text js-yaml refused (its start-up cost is paid by errors alone).
  const { LineCounter, parseDocument: parseYaml } = createRequire(import.meta.url)(
    'yaml',
  ) as typeof import('yaml')
  const lineCounter = new LineCounter()
  const document = parseYaml(source, { lineCounter, prettyErrors: false })
  const [first] = document.errors
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0])
    throw new SpecError(file, '', `not valid YAML at line ${line}, column ${col}: ${first.message}`)
  }
  return document.toJS({ maxAliasCount: -1 })
}
