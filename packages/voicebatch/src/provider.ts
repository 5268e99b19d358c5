/** The providers the facade speaks to. */
export type Provider = 'ultravox' | 'techladder' | 'truedy'

/** Every provider, in the order the facade lists them. */
export const providers: readonly Provider[] = ['ultravox', 'techladder', 'truedy']

export function isProvider(value: unknown): value is Provider {
  return value === 'ultravox' || value === 'techladder' || value === 'truedy'
}
