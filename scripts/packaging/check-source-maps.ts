import { readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import type { PackedPackage } from './pack-package.ts'

const MAPPED = /^dist\/.+\.(mjs|d\.mts)$/

/**
 * Every built file (JavaScript and declarations) ships its source map, each map names its sources,
 * and every source it names is in the tarball too: "go to definition" in a consumer's editor lands
 * in our TypeScript, not in a bundled `.d.mts`.
 */
export function checkSourceMaps(packed: PackedPackage): string[] {
  const problems: string[] = []
  for (const file of packed.files.filter((name) => MAPPED.test(name))) {
    const map = `${file}.map`
    if (!packed.files.includes(map)) {
      problems.push(`${file} has no source map (${map})`)
      continue
    }
    const code = readFileSync(join(packed.contents, file), 'utf8')
    if (!code.includes(`sourceMappingURL=${map.slice(map.lastIndexOf('/') + 1)}`))
      problems.push(`${file} does not point at its source map`)
    const sources = (JSON.parse(readFileSync(join(packed.contents, map), 'utf8')) as { sources?: unknown })
      .sources
    if (!Array.isArray(sources) || sources.length === 0) {
      problems.push(`${map} names no sources`)
      continue
    }
    for (const source of sources) {
      const path = normalize(join(dirname(file), String(source)))
      if (!packed.files.includes(path))
        problems.push(`${map} points at ${source}, which is not in the tarball`)
    }
  }
  return problems
}
