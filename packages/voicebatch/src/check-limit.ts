import { ConfigurationError } from '@voicebatch/core'

export function checkLimit(limit: number): number {
  if ((Number.isInteger(limit) && limit >= 0) || limit === Number.POSITIVE_INFINITY) return limit
  throw new ConfigurationError(`Invalid limit ${limit}: expected an integer >= 0.`)
}
