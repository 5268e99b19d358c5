import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

interface ProjectConfig {
  test?: { typecheck?: { enabled?: boolean; tsconfig?: string; include?: string[] } }
}

function hasTypeTests(directory: string): boolean {
  const tests = join(directory, 'test')
  return (
    existsSync(tests) &&
    readdirSync(tests, { recursive: true }).some((name) => String(name).endsWith('.test-d.ts'))
  )
}

/**
 * Workspace packages whose vitest project type-checks the same tsconfig as their `typecheck`
 * script: vitest's typecheck runs `tsc --noEmit -p tsconfig.json` over the whole project (sources
 * included, their errors fail the run), so `turbo run typecheck` would only repeat that work.
 */
export async function packagesTypecheckedByVitest(root: string): Promise<string[]> {
  const names: string[] = []
  for (const group of ['packages', 'tests']) {
    for (const folder of readdirSync(join(root, group)).sort()) {
      const directory = join(root, group, folder)
      const configFile = join(directory, 'vitest.config.ts')
      if (!existsSync(configFile) || !hasTypeTests(directory)) continue
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        name: string
        scripts?: Record<string, string>
      }
      const config = ((await import(pathToFileURL(configFile).href)) as { default: ProjectConfig }).default
      const typecheck = config.test?.typecheck
      const sameProject =
        typecheck?.enabled === true &&
        typecheck.tsconfig !== undefined &&
        resolve(directory, typecheck.tsconfig) === join(directory, 'tsconfig.json') &&
        manifest.scripts?.typecheck === 'tsc --noEmit -p tsconfig.json'
      if (sameProject) names.push(manifest.name)
    }
  }
  return names
}
