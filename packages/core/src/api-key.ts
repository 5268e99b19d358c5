import { ConfigurationError } from './errors.js'

/** Where {@link resolveApiKey} looks for a provider's API key, and what its error names. */
export interface ResolveApiKeyInput {
  provider: string
  /** The `apiKey` client option. */
  option: string | undefined
  /** Environment variable read when the option is absent, e.g. `TRUEDY_API_KEY`. */
  envVar: string
  /** Named in the error message, e.g. `createTruedyClient`. */
  factoryName: string
  /** How the missing-key message says to pass the key; default `{ apiKey } to <factoryName>`. */
  howToPass?: string | undefined
}

// Whitespace (Unicode included) and control characters: never part of a real key.
const INVALID_KEY_CHARACTER = /[\s\p{Cc}\p{Cf}]/u

/**
 * The `apiKey` option when given, else the environment variable, trimmed (a key read from a file
 * often ends in a newline). Throws `ConfigurationError` when neither is set, or when the key has
 * whitespace or control characters inside: the message never shows the key.
 */
export function resolveApiKey({
  provider,
  option,
  envVar,
  factoryName,
  howToPass,
}: ResolveApiKeyInput): string {
  if (option !== undefined && typeof option !== 'string') {
    throw new ConfigurationError(`Invalid API key for ${provider}: { apiKey } must be a string.`)
  }
  const fromOption = option?.trim()
  if (fromOption) return checkKey(fromOption, provider, '{ apiKey }')
  const fromEnvironment = process.env[envVar]?.trim()
  if (fromEnvironment) return checkKey(fromEnvironment, provider, envVar)
  throw new ConfigurationError(
    `Missing API key for ${provider}: pass ${howToPass ?? `{ apiKey } to ${factoryName}`} or set ${envVar}.`,
  )
}

function checkKey(key: string, provider: string, source: string): string {
  if (INVALID_KEY_CHARACTER.test(key)) {
    throw new ConfigurationError(
      `Invalid API key for ${provider} (from ${source}): it contains whitespace or control characters; check how it was copied.`,
    )
  }
  return key
}
