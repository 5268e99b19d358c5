import { InvalidResponseError } from './errors.js'
import { redact, snippet } from './redaction.js'
import { ResponseShapeMismatch } from './response-shape.js'

/**
 * The `InvalidResponseError` for a 2xx body without the shape an operation needs; any other
 * error thrown while reading it is returned unchanged.
 */
export function invalidShape(
  provider: string,
  response: Response,
  problem: unknown,
  body: unknown,
  secrets: readonly string[],
): unknown {
  if (!(problem instanceof ResponseShapeMismatch)) return problem
  let text: string
  try {
    text = body === undefined ? '' : (JSON.stringify(body) ?? '')
  } catch {
    text = String(body)
  }
  const where = redact(response.url || 'the request', secrets)
  return new InvalidResponseError({
    provider,
    status: response.status,
    snippet: snippet(text, secrets),
    message: `${provider}: ${where} returned ${response.status} without ${problem.what}: got ${problem.found}.`,
  })
}
