import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

interface ProjectConfig {
  test?: { typecheck?: { enabled?: boolean; tsconfig?: string; include?: string[] } }
}

/** A workspace project with a `typecheck` script, and who type-checks it in `pnpm test`. */
export interface TypeCheckedProject {
  /** Relative to the root, e.g. `packages/core`. */
  directory: string
  /** True when its vitest project type-checks the same tsconfig (see typeCheckedProjects). */
  byVitest: boolean
}

function hasTypeTests(directory: string): boolean {
  const tests = join(directory, 'test')
  return (
    existsSync(tests) &&
    readdirSync(tests, { recursive: true }).some((name) => String(name).endsWith('.test-d.ts'))
  )
}

async function typeCheckedByVitest(directory: string): Promise<boolean> {
  const configFile = join(directory, 'vitest.config.ts')
  if (!existsSync(configFile) || !hasTypeTests(directory)) return false
  const config = ((await import(pathToFileURL(configFile).href)) as { default: ProjectConfig }).default
  const typecheck = config.test?.typecheck
  return (
    typecheck?.enabled === true &&
    typecheck.tsconfig !== undefined &&
    resolve(directory, typecheck.tsconfig) === join(directory, 'tsconfig.json')
  )
}

/**
 * The workspace projects whose `typecheck` script checks their tsconfig.json, each marked with
 * whether vitest already does: a vitest project with type tests runs the checker over the whole
 * tsconfig (sources included, their errors fail the run), so `pnpm test` checks only the others
 * itself and nothing is checked twice.
 */
export async function typeCheckedProjects(root: string): Promise<TypeCheckedProject[]> {
  const projects: TypeCheckedProject[] = []
  for (const group of ['packages', 'tests']) {
    for (const folder of readdirSync(join(root, group)).sort()) {
      const directory = join(root, group, folder)
      const manifestFile = join(directory, 'package.json')
      if (!existsSync(manifestFile)) continue
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { scripts?: Record<string, string> }
      if (manifest.scripts?.typecheck !== 'tsc --noEmit -p tsconfig.json') continue
      projects.push({ directory: `${group}/${folder}`, byVitest: await typeCheckedByVitest(directory) })
    }
  }
  return projects
}
