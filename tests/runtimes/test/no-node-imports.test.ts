import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packagesDirectory = fileURLToPath(new URL('../../../packages/', import.meta.url))
/** Everything users run; `testing` is Node-only by design. */
const runtimePackages = readdirSync(packagesDirectory).filter(
  (name) => name !== 'testing' && existsSync(join(packagesDirectory, name, 'package.json')),
)
const builtins = new Set(builtinModules)
const specifierPattern =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bexport\s*\*\s*from\s*)['"]([^'"]+)['"]/g

function filesUnder(directory: string, extensions: RegExp): string[] {
  if (!existsSync(directory)) return []
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => extensions.test(file))
    .map((file) => join(directory, file))
}

/** Import specifiers naming a Node builtin: `node:*`, or a bare builtin such as `fs` or `util`. */
export function nodeImportsIn(source: string): string[] {
  return [...source.matchAll(specifierPattern)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] ?? ''))
}

describe('runtime packages use web-standard APIs only', () => {
  it('finds the import forms it looks for', () => {
    const sample = `import { inspect } from 'node:util'\nimport fs from "fs"\nconst t = await import('timers/promises')\nrequire('events')\nexport * from 'node:path'\nimport './local.js'\nimport { x } from 'openapi-fetch'`
    expect(nodeImportsIn(sample)).toEqual(['node:util', 'fs', 'timers/promises', 'events', 'node:path'])
  })

  it.each(runtimePackages)('%s: no Node builtin in src or the built dist', (name) => {
    const root = join(packagesDirectory, name)
    const dist = filesUnder(join(root, 'dist'), /\.(mjs|js|cjs|d\.mts|d\.ts)$/)
    expect(dist.length, `${name} has no dist: run pnpm build first`).toBeGreaterThan(0)
    const offenders = [...filesUnder(join(root, 'src'), /\.ts$/), ...dist].flatMap((file) =>
      nodeImportsIn(readFileSync(file, 'utf8')).map((specifier) => `${relative(root, file)}: ${specifier}`),
    )
    expect(offenders).toEqual([])
  })
})
