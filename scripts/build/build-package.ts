import { build } from 'tsdown'

/**
 * A package's `build` script: tsdown through its API with the package's tsdown.config.ts. The API,
 * unlike tsdown's CLI, does not print the CLI's notice that Node 20 support is deprecated: tsdown
 * only runs here, on the maintainers' machines, and Node 20.19+ stays supported for our users.
 */
await build({})
