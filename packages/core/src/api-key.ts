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
}

/** The `apiKey` option when given, else the environment variable; throws `ConfigurationError` when neither is set. */
export function resolveApiKey({ provider, option, envVar, factoryName }: ResolveApiKeyInput): string {
  if (option !== undefined && typeof option !== 'string') {
    throw new ConfigurationError(`Invalid API key for ${provider}: { apiKey } must be a string.`)
  }
  if (option?.trim()) return option
  const fromEnvironment = process.env[envVar]
  if (fromEnvironment?.trim()) return fromEnvironment
  throw new ConfigurationError(
    `Missing API key for ${provider}: pass { apiKey } to ${factoryName} or set ${envVar}.`,
  )
}
