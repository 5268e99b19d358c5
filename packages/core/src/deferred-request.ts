/**
 * What openapi-fetch builds in place of a `Request` while no middleware is registered (it takes
 * the class as its `Request` option). openapi-fetch builds a `Request` only to hand it to
 * middleware and then to fetch; our fetch takes it apart again (URL, method, headers, body) and
 * sends with a signal of its own. A real `Request` costs about 16 µs on Node 20 (a URL parse, a
 * Headers copy, an AbortSignal following the caller's), a fifth of a whole stubbed call: this
 * keeps the parts as openapi-fetch gave them. `provider-client.ts` switches back to the real
 * `Request` for any call that middleware will see, so `client.use()` works as documented.
 */
export class DeferredRequest {
  readonly url: string
  readonly method: string
  /** openapi-fetch's own merged `Headers`, made for this call: ours to change. */
  readonly headers: Headers
  /** As the body serializer returned it (a JSON string by default). */
  readonly body: BodyInit | null
  /** The caller's signal; unlike a real Request's, absent when the caller passed none. */
  readonly signal: AbortSignal | undefined
  /** Everything else openapi-fetch passed, for `toRequest()`. */
  readonly init: RequestInit

  constructor(url: string, init: RequestInit = {}) {
    this.url = url
    this.method = (init.method ?? 'GET').toUpperCase()
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers)
    this.body = init.body ?? null
    this.signal = init.signal ?? undefined
    this.init = init
  }

  /** The real Request it stands for (for bodies that are not a string: FormData, streams...). */
  toRequest(): Request {
    return new Request(this.url, { ...this.init, method: this.method, headers: this.headers })
  }
}

/** A Request, or what openapi-fetch built in its place: what `createHttpFetch`'s fetch accepts. */
export type RequestLike = Request | DeferredRequest
