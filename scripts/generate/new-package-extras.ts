import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { SIZE_LIMIT_CONFIG } from '../packaging/check-size-limits.ts'
import type { CheckedSpec } from './validate-spec.ts'

interface SizeLimitEntry {
  name: string
  path: string | string[]
  limit: string
}

/**
 * A size budget for a new types package, from the runtime code it will ship: the `export const`
 * statements (enum value arrays, specInfo) of its generated files, brotli-compressed, with 50% headroom
 * and at least 0.5 kB. Measured again by size-limit on every `pnpm test`. Brotli quality 9, not
 * size-limit's 11: on the 229 kB of enum arrays of a 3.2 MB document it takes 16 ms instead of
 * 480 ms, for a size about a tenth larger there; the 50% headroom covers the difference either way.
 */
export function sizeBudget(spec: CheckedSpec, generatedFiles: string[]): SizeLimitEntry {
  const runtime = generatedFiles
    .flatMap((text) => text.split(/\n(?=export )/).filter((block) => block.startsWith('export const')))
    .join('\n')
  const bytes = brotliCompressSync(Buffer.from(runtime), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 9 },
  }).length
  const kilobytes = Math.max(0.5, Math.ceil((bytes * 1.5) / 250) / 4)
  return {
    name: `@voicebatch/${spec.name}-types`,
    path: `packages/${spec.name}-types/dist/index.mjs`,
    limit: `${kilobytes} kB`,
  }
}

/** `.size-limit.json` with the new packages' entries added (an entry of the same name is kept as is). */
export function withSizeBudgets(root: string, entries: SizeLimitEntry[]): string {
  const path = join(root, SIZE_LIMIT_CONFIG)
  const current = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SizeLimitEntry[]) : []
  const names = new Set(current.map((entry) => entry.name))
  return `${JSON.stringify([...current, ...entries.filter((entry) => !names.has(entry.name))], null, 2)}\n`
}

/** The changeset that releases a new types package for the first time. */
export function newPackageChangeset(root: string, spec: CheckedSpec): [string, string] {
  return [
    join(root, '.changeset', `new-${spec.name}-types.md`),
    [
      '---',
      `"@voicebatch/${spec.name}-types": minor`,
      '---',
      '',
      `New package: strict TypeScript types for the ${spec.document.info.title} API, generated from \`${spec.file}\`${spec.overlay ? ` and \`${spec.overlay}\`` : ''}.`,
      '',
    ].join('\n'),
  ]
}

/**
 * After a new types package is written: Biome formats its config files (as `pnpm format` would), and
 * pnpm-lock.yaml gets the new workspace package (`pnpm install --lockfile-only`), so that
 * `pnpm install --frozen-lockfile` and `pnpm test` pass as they are.
 */
export function settleNewPackages(root: string, directories: string[]): void {
  if (directories.length === 0) return
  const bin = (name: string) => join(root, 'node_modules', '.bin', name)
  execFileSync(bin('biome'), ['format', '--write', ...directories, SIZE_LIMIT_CONFIG], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  execFileSync('pnpm', ['install', '--lockfile-only', '--prefer-offline'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: '1' },
  })
}
