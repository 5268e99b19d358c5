import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PublishablePackage } from './publishable-packages.ts'

type ExportTarget = string | { [condition: string]: ExportTarget }

function targets(entry: ExportTarget | undefined): string[] {
  if (entry === undefined) return []
  if (typeof entry === 'string') return [entry]
  return Object.values(entry).flatMap(targets)
}

/** Throws, naming them, when packages lack the files their `exports` point at (not built yet). */
export function assertBuilt(packages: PublishablePackage[]): void {
  const missing = packages.flatMap((pkg) => {
    const manifest = JSON.parse(readFileSync(join(pkg.directory, 'package.json'), 'utf8')) as {
      exports?: Record<string, ExportTarget>
    }
    return Object.values(manifest.exports ?? {})
      .flatMap(targets)
      .filter((target) => !existsSync(join(pkg.directory, target)))
      .map((target) => `${pkg.name}: ${target}`)
  })
  if (missing.length > 0) {
    throw new Error(`packages are not built (run \`pnpm build\` first): ${missing.join(', ')}`)
  }
}
