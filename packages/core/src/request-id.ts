const requestIdHeaders = ['x-request-id', 'request-id']

/** The request id a response carries in `x-request-id` or `request-id`; null when none. */
export function requestIdOf(response: Response): string | null {
  for (const name of requestIdHeaders) {
    const value = response.headers.get(name)
    if (value) return value
  }
  return null
}
