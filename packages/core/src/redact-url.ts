import { REDACTED, redact } from './redaction.js'

const credentialLikeName = /key|token|secret|signature|sig$|password|auth|session|credential/i

/** A URL fit for logs: secrets removed everywhere, and the values of credential-like query parameters. */
export function redactUrl(url: string, secrets: readonly string[]): string {
  const clean = redact(url, secrets)
  let parsed: URL
  try {
    parsed = new URL(clean)
  } catch {
    return clean
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = ''
    parsed.password = ''
  }
  let changed = false
  for (const name of new Set(parsed.searchParams.keys())) {
    if (credentialLikeName.test(name)) {
      parsed.searchParams.set(name, REDACTED)
      changed = true
    }
  }
  return changed ? parsed.href.replaceAll(encodeURIComponent(REDACTED), REDACTED) : parsed.href
}
