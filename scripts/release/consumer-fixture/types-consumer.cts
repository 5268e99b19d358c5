// A CommonJS TypeScript file: under nodenext, TypeScript 5.9 resolves our ESM-only packages for it too.
import { specInfo } from '@voicebatch/truedy-types'

export const provider: 'truedy' = specInfo.provider
