import { extname } from 'node:path'
import { Document, parseDocument } from 'yaml'

const SOURCE_KEY = 'x-voicebatch-source'

function parseDownload(text: string): Document | unknown {
  if (text.trimStart().startsWith('{')) {
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      throw new Error(`the download is not valid JSON: ${(error as Error).message}`)
    }
  }
  const document = parseDocument(text, { prettyErrors: false })
  const [first] = document.errors
  if (first) throw new Error(`the download is neither JSON nor valid YAML: ${first.message}`)
  return document
}

function yamlScalar(value: string): string {
  return /^[\w:/.?=&%#~+@-]+$/.test(value) ? value : JSON.stringify(value)
}

/** The YAML text with `info.<SOURCE_KEY>` added as the first key of `info`, every other byte kept. */
function withSourceLine(text: string, source: string): string | null {
  const match = /^info:[ \t]*\r?\n([ \t]+)(?=\S)/m.exec(text)
  if (!match?.[1]) return null
  const at = match.index + match[0].length - match[1].length
  const edited = `${text.slice(0, at)}${match[1]}${SOURCE_KEY}: ${yamlScalar(source)}\n${text.slice(at)}`
  return recordedSource(parseDocument(edited).toJS()) === source ? edited : null
}

function sourceOf(document: Document): string | null {
  return recordedSource(document.toJS())
}

/**
 * A downloaded spec (JSON or YAML) in the format of our file (`specs/<name>.yaml` stays YAML), with
 * `info.x-voicebatch-source` kept as recorded in our copy, so the next pull knows where to look.
 * A YAML download keeps its text byte for byte (one line added to `info` when it lacks our source);
 * a JSON one is written as block YAML.
 */
export function toSpecFormat(downloaded: string, localFile: string, source: string | null): string {
  const parsed = parseDownload(downloaded)
  const document = parsed instanceof Document ? parsed : new Document(parsed)
  const value = document.toJS() as unknown
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(
      `the download is not an OpenAPI document: it starts with ${JSON.stringify(downloaded.slice(0, 40))}`,
    )
  }
  if (extname(localFile) === '.json') {
    if (source !== null) document.setIn(['info', SOURCE_KEY], source)
    return `${JSON.stringify(document.toJS(), null, 2)}\n`
  }
  if (parsed instanceof Document && (source === null || sourceOf(parsed) === source)) return downloaded
  if (parsed instanceof Document && source !== null && sourceOf(parsed) === null) {
    const edited = withSourceLine(downloaded, source)
    if (edited !== null) return edited
  }
  if (source !== null) document.setIn(['info', SOURCE_KEY], source)
  return document.toString({ lineWidth: 0 })
}

/** A published document as downloaded, byte for byte, once it is known to be a JSON or YAML object. */
export function asPublished(downloaded: string): string {
  const parsed = parseDownload(downloaded)
  const value = parsed instanceof Document ? parsed.toJS() : parsed
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(
      `the download is not an OpenAPI document: it starts with ${JSON.stringify(downloaded.slice(0, 40))}`,
    )
  }
  return downloaded
}

/** The source URL a spec records for itself, if any. */
export function recordedSource(document: unknown): string | null {
  const source = (document as { info?: Record<string, unknown> } | null)?.info?.[SOURCE_KEY]
  return typeof source === 'string' && source !== '' ? source : null
}
