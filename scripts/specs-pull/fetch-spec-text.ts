/** Larger downloads are refused: the specs here are tens of kilobytes. */
const MAX_BYTES = 20 * 1024 * 1024

function describeFailure(url: string, timeoutMs: number, error: unknown): string {
  const name = (error as { name?: string }).name
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer from ${url} within ${timeoutMs} ms`
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return `could not download ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`
}

/** GETs a published spec, failing with a message that names the URL and what went wrong. */
export async function fetchSpecText(url: string, timeoutMs: number): Promise<string> {
  let response: Response
  let text: string
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json, application/yaml, text/yaml;q=0.9, */*;q=0.5' },
    })
    text = response.ok ? await response.text() : ''
  } catch (error) {
    throw new Error(describeFailure(url, timeoutMs, error))
  }
  if (!response.ok)
    throw new Error(`HTTP ${response.status} ${response.statusText} from ${url}`.replace('  ', ' '))
  if (Buffer.byteLength(text) > MAX_BYTES) throw new Error(`${url} sent more than ${MAX_BYTES} bytes`)
  return text
}
