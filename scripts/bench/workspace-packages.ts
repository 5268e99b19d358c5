// The root package does not depend on the workspace packages: the bench measures their built
// entry points (`dist/`, what users get), which scripts/bench.ts builds first. openapi-fetch is
// taken from core's own dependency, so the bare client and ours run the very same copy.
export { default as createClient } from '../../packages/core/node_modules/openapi-fetch/dist/index.mjs'
export { createTechladderClient } from '../../packages/techladder/dist/index.mjs'
export type { paths as TechladderPaths } from '../../packages/techladder-types/dist/index.mjs'
export { type MockServerOptions, startMockServer } from '../../packages/testing/dist/index.mjs'
export { createTruedyClient } from '../../packages/truedy/dist/index.mjs'
export type { paths as TruedyPaths } from '../../packages/truedy-types/dist/index.mjs'
export { createUltravoxClient } from '../../packages/ultravox/dist/index.mjs'
export type { paths as UltravoxPaths } from '../../packages/ultravox-types/dist/index.mjs'
