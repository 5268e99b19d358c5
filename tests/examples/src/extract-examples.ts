import { readFileSync } from 'node:fs'

/** One fenced TypeScript block of a Markdown file. */
export interface Example {
  /** The Markdown file, as given. */
  readonly file: string
  /** 1-based line of the opening fence. */
  readonly line: number
  readonly code: string
  /** Set when a `<!-- example: not-run (reason) -->` marker precedes the block: the reason. */
  readonly notRun: string | null
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/
const TYPESCRIPT = new Set(['ts', 'typescript', 'mts', 'tsx'])
const MARKER = /^<!--\s*example:(.*?)-->\s*$/
const NOT_RUN = /^\s*not-run\s*\((.*\S.*)\)\s*$/

/**
 * The TypeScript blocks of a Markdown text. A block is run unless the line before it (blank lines
 * aside) is `<!-- example: not-run (why) -->`; a marker without a reason, with another verb, or
 * not followed by a TypeScript block is an error naming its line, so no block is skipped silently.
 */
export function extractExamples(file: string, markdown: string): Example[] {
  const lines = markdown.split(/\r?\n/)
  const examples: Example[] = []
  let marker: { line: number; reason: string } | null = null
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? ''
    const markerMatch = MARKER.exec(text.trim())
    if (markerMatch) {
      const reason = NOT_RUN.exec(markerMatch[1] ?? '')?.[1]
      if (reason === undefined)
        throw new Error(
          `${file}:${index + 1}: example marker "${text.trim()}" must read <!-- example: not-run (the reason) -->`,
        )
      marker = { line: index + 1, reason: reason.trim() }
      continue
    }
    const fence = FENCE.exec(text)
    if (fence === null) {
      if (marker !== null && text.trim() !== '')
        throw new Error(`${file}:${marker.line}: example marker is not followed by a TypeScript block`)
      continue
    }
    const close = lines.findIndex(
      (candidate, at) =>
        at > index &&
        candidate.trim().startsWith(fence[2] ?? '```') &&
        candidate.trim().replace(/[`~]/g, '') === '',
    )
    if (close < 0) throw new Error(`${file}:${index + 1}: code block is never closed`)
    const language = (fence[3] ?? '').toLowerCase()
    if (TYPESCRIPT.has(language)) {
      const indent = fence[1]?.length ?? 0
      const code = lines
        .slice(index + 1, close)
        .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
        .join('\n')
      examples.push({ file, line: index + 1, code: `${code}\n`, notRun: marker?.reason ?? null })
    } else if (marker !== null) {
      throw new Error(`${file}:${marker.line}: example marker is not followed by a TypeScript block`)
    }
    marker = null
    index = close
  }
  if (marker !== null)
    throw new Error(`${file}:${marker.line}: example marker is not followed by a TypeScript block`)
  return examples
}

/** {@link extractExamples} of a file on disk, named by `name` (e.g. its path from the repository root). */
export function extractExamplesFromFile(path: string, name: string): Example[] {
  return extractExamples(name, readFileSync(path, 'utf8'))
}
