import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { outputTail, runCommand } from '../release/run-command.ts'
import type { PublishablePackage } from './publishable-packages.ts'

interface SizeLimitEntry {
  name: string
  path: string | string[]
  limit: string
}

interface SizeLimitResult {
  name: string
  passed: boolean
  size: number
  sizeLimit?: number
}

export interface SizeReport {
  name: string
  size: number
  limit: number | null
  passed: boolean
}

export const SIZE_LIMIT_CONFIG = '.size-limit.json'

/** Entries of .size-limit.json that measure `pkg`: named after it (`@voicebatch/truedy`, `@voicebatch/truedy + …`). */
function entriesOf(entries: SizeLimitEntry[], pkg: PublishablePackage): SizeLimitEntry[] {
  return entries.filter((entry) => entry.name === pkg.name || entry.name.startsWith(`${pkg.name} `))
}

/**
 * Runs size-limit (brotli size of the built files) and returns, per selected package, its entries'
 * sizes and any problem: a package without a budget, a budget over its limit, a file not built.
 */
export async function checkSizeLimits(
  root: string,
  packages: PublishablePackage[],
): Promise<{ problems: Map<string, string[]>; reports: SizeReport[] }> {
  const entries = JSON.parse(readFileSync(join(root, SIZE_LIMIT_CONFIG), 'utf8')) as SizeLimitEntry[]
  const problems = new Map<string, string[]>(packages.map((pkg) => [pkg.name, []]))
  const add = (name: string, problem: string) => problems.get(name)?.push(problem)
  const selected = packages.flatMap((pkg) => entriesOf(entries, pkg).map((entry) => ({ pkg, entry })))
  for (const pkg of packages) {
    if (entriesOf(entries, pkg).length === 0) add(pkg.name, `no size budget in ${SIZE_LIMIT_CONFIG}`)
  }
  for (const { pkg, entry } of selected) {
    for (const path of [entry.path].flat()) {
      if (!existsSync(join(root, path)))
        add(pkg.name, `size-limit entry "${entry.name}": ${path} does not exist`)
    }
  }
  const result = await runCommand(join(root, 'node_modules', '.bin', 'size-limit'), ['--json'], { cwd: root })
  const start = result.stdout.indexOf('[')
  if (start < 0) throw new Error(`size-limit printed no JSON:\n${outputTail(result)}`)
  const results = JSON.parse(result.stdout.slice(start)) as SizeLimitResult[]
  const reports: SizeReport[] = []
  for (const { pkg, entry } of selected) {
    const measured = results.find((item) => item.name === entry.name)
    if (!measured) continue
    reports.push({
      name: entry.name,
      size: measured.size,
      limit: measured.sizeLimit ?? null,
      passed: measured.passed,
    })
    if (!measured.passed) {
      add(
        pkg.name,
        `"${entry.name}" is ${measured.size} B brotli, over its budget of ${measured.sizeLimit} B (${entry.limit})`,
      )
    }
  }
  return { problems, reports }
}
