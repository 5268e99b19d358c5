import { defineConfig } from 'tsdown'
import base from '../../tsdown.base.ts'

// `@voicebatch/core/errors`: the error classes alone, for clients to re-export.
export default defineConfig({ ...base, entry: ['src/index.ts', 'src/errors.ts'] })
