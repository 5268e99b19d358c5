import { createRequire } from 'node:module'
import { SpecError } from './spec-error.ts'

/**
 * openapi-format's Overlay 1.0 implementation. Loaded untyped: its .d.ts imports `openapi-types`, which
 * it does not depend on; the slice used here is typed below.
 */
const { openapiOverlay } = createRequire(import.meta.url)('openapi-format') as {
  openapiOverlay(
    document: unknown,
    options: { overlaySet: { overlay: string; actions: OverlayAction[] } },
  ): Promise<{ data: unknown; resultData: { unusedActions: unknown[] } }>
}

/** One action of an OpenAPI Overlay 1.0 document. */
export interface OverlayAction {
  target: string
  description?: string
  update?: unknown
  remove?: boolean
}

export interface OverlayDocument {
  overlay: string
  /** Where the provider publishes the document the overlay applies to (`pnpm specs:pull` reads it). */
  extends?: string
  actions: OverlayAction[]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Checks the overlay's own shape; every action must say why it exists. */
export function checkOverlayDocument(file: string, parsed: unknown): OverlayDocument {
  if (!isRecord(parsed) || typeof parsed.overlay !== 'string' || !/^1\.0\.\d+$/.test(parsed.overlay)) {
    throw new SpecError(file, '/overlay', 'expected an OpenAPI Overlay 1.0.x document (`overlay: 1.0.0`)')
  }
  if (!Array.isArray(parsed.actions) || parsed.actions.length === 0) {
    throw new SpecError(file, '/actions', 'an overlay needs a non-empty `actions` list')
  }
  if (parsed.extends !== undefined && typeof parsed.extends !== 'string') {
    throw new SpecError(file, '/extends', '`extends` must be the URL of the document the overlay applies to')
  }
  parsed.actions.forEach((action: unknown, index) => {
    const pointer = `/actions/${index}`
    if (!isRecord(action) || typeof action.target !== 'string' || !action.target.startsWith('$')) {
      throw new SpecError(
        file,
        `${pointer}/target`,
        'every action needs a JSONPath `target` starting with `$`',
      )
    }
    if (typeof action.description !== 'string' || action.description.trim() === '') {
      throw new SpecError(file, `${pointer}/description`, 'every action needs a `description` saying why')
    }
    if (action.update === undefined && action.remove !== true) {
      throw new SpecError(file, pointer, 'an action needs `update` or `remove: true`')
    }
  })
  return parsed as unknown as OverlayDocument
}

function label(action: OverlayAction, index: number): string {
  const why = (action.description ?? '').replace(/\s+/g, ' ').trim()
  return `action ${index + 1} (target ${action.target}; "${why.length > 80 ? `${why.slice(0, 77)}...` : why}")`
}

/** Runs one action through openapi-format, keeping what it logs (it reports bad JSONPath on console.error). */
async function applyAction(
  document: unknown,
  version: string,
  action: OverlayAction,
): Promise<{ document: unknown; used: boolean; log: string[] }> {
  const log: string[] = []
  const original = console.error
  console.error = (...args: unknown[]) => log.push(args.map(String).join(' '))
  try {
    const result = await openapiOverlay(
      document as never,
      {
        overlaySet: { overlay: version, actions: [action] },
      } as never,
    )
    return { document: result.data, used: result.resultData.unusedActions.length === 0, log }
  } finally {
    console.error = original
  }
}

/**
 * The document with every action of the overlay applied in order (Overlay 1.0: `update` merges,
 * `remove` deletes; RFC 9535 JSONPath targets, via openapi-format). An action whose target matches
 * nothing stops generation naming the action: upstream changed, and the overlay must follow.
 */
export async function applyOverlay(
  specFile: string,
  document: unknown,
  overlayFile: string,
  overlay: OverlayDocument,
): Promise<unknown> {
  let current: unknown = structuredClone(document)
  for (const [index, action] of overlay.actions.entries()) {
    const applied = await applyAction(current, overlay.overlay, action)
    if (!applied.used) {
      const why = applied.log.length > 0 ? ` (${applied.log.join('; ')})` : ''
      throw new SpecError(
        overlayFile,
        `/actions/${index}`,
        `${label(action, index)} matches nothing in ${specFile}${why}: the provider's document changed; update or remove the action`,
      )
    }
    current = applied.document
  }
  return current
}
