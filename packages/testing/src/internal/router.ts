/** A route such as `GET /batch-calls/{batch_call_id}`, matched segment by segment. */
export interface Route<Handler> {
  readonly method: string
  readonly template: string
  readonly handler: Handler
}

export type RouteMatch<Handler> =
  | { readonly kind: 'found'; readonly handler: Handler; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' }

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const templateParts = template.split('/')
  const pathParts = path.split('/')
  if (templateParts.length !== pathParts.length) return undefined
  const params: Record<string, string> = {}
  for (let index = 0; index < templateParts.length; index++) {
    const expected = templateParts[index] as string
    const actual = pathParts[index] as string
    const name = /^\{(.+)\}$/.exec(expected)?.[1]
    if (name === undefined) {
      if (expected !== actual) return undefined
    } else {
      if (actual === '') return undefined
      try {
        params[name] = decodeURIComponent(actual)
      } catch {
        return undefined
      }
    }
  }
  return params
}

/** Literal paths win over templated ones (`/batch-calls/bulk-delete` before `/batch-calls/{id}`). */
export function matchRoute<Handler>(
  routes: readonly Route<Handler>[],
  method: string,
  path: string,
): RouteMatch<Handler> {
  const byParams = [...routes].sort(
    (a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0),
  )
  const allowed: string[] = []
  for (const route of byParams) {
    const params = matchTemplate(route.template, path)
    if (!params) continue
    if (route.method === method) return { kind: 'found', handler: route.handler, params }
    allowed.push(route.method)
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' }
}
