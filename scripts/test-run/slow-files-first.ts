import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The end-to-end test files that take 10 s or more each (subprocesses, a registry, repository
 * copies), longest first, as a fresh clone measured them on 2 cores. They start before everything
 * else, so the short files fill the other worker around them instead of one long file running
 * alone at the end. Paths are relative to the repository root; a path that no longer names a test
 * file fails the run (slow-files-first.test.ts).
 */
export const SLOW_FILES: readonly string[] = [
  'scripts/test/release-local.test.ts',
  'scripts/test/generate.test.ts',
  'scripts/test/spec-changeset.test.ts',
  'scripts/test/specs-pull.test.ts',
  'scripts/test/ultravox-releases.test.ts',
  'scripts/test/generate-changeset.test.ts',
  'tests/examples/test/readme-examples.test.ts',
]

/** `files` with those of SLOW_FILES first, in its order; the others keep their order (the sort is stable). */
export function slowFilesFirst<File extends { moduleId: string }>(files: File[], root: string): File[] {
  const rank = (file: File) => {
    const index = SLOW_FILES.indexOf(relative(root, file.moduleId).split('\\').join('/'))
    return index === -1 ? SLOW_FILES.length : index
  }
  return [...files].sort((a, b) => rank(a) - rank(b))
}

/**
 * Vitest's order (failed first, then longest first when its cache knows the durations, project by
 * project), with SLOW_FILES moved to the front. In a fresh clone vitest knows no durations and
 * would start the longest file wherever its project comes in the alphabet.
 */
export default class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return slowFilesFirst(await super.sort(files), this.ctx.config.root)
  }
}
