import { describe, expectTypeOf, it } from 'vitest'
import type { BatchCapabilities, Provider, ProviderCapabilities } from '../src/index.js'

/**
 * The providers' capabilities are plain `as const` objects (isolated declarations cannot emit a
 * `satisfies` expression): this is the check `satisfies BatchCapabilities` made, every capability
 * with a literal of its type and no key that BatchCapabilities does not have.
 */
describe('each provider declares its capabilities', () => {
  it('with exactly the keys of BatchCapabilities', () => {
    expectTypeOf<keyof ProviderCapabilities['ultravox']>().toEqualTypeOf<keyof BatchCapabilities>()
    expectTypeOf<keyof ProviderCapabilities['techladder']>().toEqualTypeOf<keyof BatchCapabilities>()
    expectTypeOf<keyof ProviderCapabilities['truedy']>().toEqualTypeOf<keyof BatchCapabilities>()
  })

  it('each a literal that BatchCapabilities accepts', () => {
    expectTypeOf<ProviderCapabilities[Provider]>().toExtend<BatchCapabilities>()
    expectTypeOf<ProviderCapabilities['techladder']['maxContacts']>().toEqualTypeOf<10000>()
    expectTypeOf<ProviderCapabilities['ultravox']['pause']>().toEqualTypeOf<true>()
  })
})
