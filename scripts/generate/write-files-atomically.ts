import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** The files whose content on disk differs from what is planned (missing files included). */
export function staleFiles(files: Map<string, string>): string[] {
  return [...files]
    .filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content)
    .map(([path]) => path)
}

/**
 * Writes every file or none: all contents go to temporary siblings first, and only when every
 * write succeeded are they renamed into place (a rename within one directory is atomic).
 */
export function writeFilesAtomically(files: Map<string, string>): void {
  const temporaries: [string, string][] = []
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(path), { recursive: true })
      const temporary = `${path}.${process.pid}.tmp`
      writeFileSync(temporary, content)
      temporaries.push([temporary, path])
    }
  } catch (error) {
    for (const [temporary] of temporaries) rmSync(temporary, { force: true })
    throw error
  }
  for (const [temporary, path] of temporaries) renameSync(temporary, path)
}
