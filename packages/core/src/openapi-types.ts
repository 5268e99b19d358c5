import type { MaybeOptionalInit } from 'openapi-fetch'
import type { PaginateOptions } from './page-iterator.js'

/** The GET operation of a path, `never` when the path has none. */
type GetOperation<Paths, Path extends keyof Paths> = Paths[Path] extends { get: infer Operation }
  ? Operation
  : never

type SuccessStatus = 200 | 201 | 202 | 203 | 206 | '2XX'

type JsonContent<Response> = Response extends { content: infer Content }
  ? Content[Extract<keyof Content, `${string}json${string}`>]
  : never

/** The JSON body a path's GET answers with on success, as generated (before `Readable`). */
export type GetResponseBody<Paths, Path extends keyof Paths> =
  GetOperation<Paths, Path> extends { responses: infer Responses }
    ? JsonContent<Responses[Extract<keyof Responses, SuccessStatus>]>
    : never

/** The `init` that `client.GET(path, init)` takes; includes `undefined` when nothing in it is required. */
export type GetInit<Paths, Path extends keyof Paths> = MaybeOptionalInit<
  Paths[Path] & { get?: unknown },
  'get'
>

/**
 * A property as the server sends it: openapi-typescript's `readWriteMarkers` wrap readOnly properties
 * in `{ $read: T }` (`$Read<T>`), which no plain shape matches. Only the marker is unwrapped, one level.
 */
type WithoutReadMarker<Value> = Value extends { readonly $read: infer Read } ? Read : Value

/** A body's top-level properties with readOnly markers removed, e.g. a page whose `next` is readOnly. */
type ReadableTopLevel<Body> = { [Key in keyof Body]: WithoutReadMarker<Body[Key]> }

/** GET paths whose success body fits `Shape`, e.g. `{ results: unknown[] }`: the paginated ones. */
export type PathsWithGetBody<Paths, Shape> = {
  [Path in keyof Paths]: [GetResponseBody<Paths, Path>] extends [never]
    ? never
    : ReadableTopLevel<GetResponseBody<Paths, Path>> extends Shape
      ? Path
      : never
}[keyof Paths]

/** `paginate(path, init, options)` arguments: `init` is optional only when the path needs nothing in it. */
export type PaginateArguments<Init> = undefined extends Init
  ? [init?: Init, options?: PaginateOptions]
  : [init: Init, options?: PaginateOptions]
