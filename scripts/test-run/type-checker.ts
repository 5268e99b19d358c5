import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const manifestPath = createRequire(import.meta.url).resolve('typescript-go/package.json')
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string; bin: { tsc: string } }

/**
 * The `tsc` that type-checks this repository: TypeScript 7, the native port (catalog name
 * `typescript-go`), used by vitest's typecheck, the type-checks of `pnpm test` and the README
 * examples' check. It checks a package in about a sixth of the CPU time of TypeScript 5.9's `tsc`.
 * The `typescript` package stays 5.9.3: openapi-typescript, tsdown and TypeDoc use its API, and
 * the consumer fixture of release:local checks the published types with it. Taken by path, not
 * from `node_modules/.bin`, where both packages offer a `tsc`.
 */
export const TYPE_CHECKER: string = join(dirname(manifestPath), manifest.bin.tsc)

/** The version of TYPE_CHECKER, for the names of the checks. */
export const TYPE_CHECKER_VERSION: string = manifest.version

/**
 * The `typecheck` settings of a package's vitest project (a new object each time: vitest may
 * change what it is given): its `test/**\/*.test-d.ts` type tests, checked by TYPE_CHECKER over the
 * package's whole tsconfig.json (sources included).
 */
export function packageTypeTests(): {
  enabled: boolean
  checker: string
  include: string[]
  tsconfig: string
} {
  return {
    enabled: true,
    checker: TYPE_CHECKER,
    include: ['test/**/*.test-d.ts'],
    tsconfig: './tsconfig.json',
  }
}
