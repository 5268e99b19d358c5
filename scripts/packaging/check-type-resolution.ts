import { readFileSync } from 'node:fs'
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core'
import { problemKindInfo } from '@arethetypeswrong/core/problems'
import type { Problem, ResolutionKind } from '@arethetypeswrong/core/types'

/**
 * What `attw --profile esm-only` leaves out: our packages are ESM only, so `require` under node10
 * and node16 CommonJS resolution is not checked here (release:local `require()`s every package for
 * real on Node 20.19+, where that works).
 */
const IGNORED_RESOLUTIONS: readonly ResolutionKind[] = ['node10', 'node16-cjs']

function describeProblem(problem: Problem): string {
  const info = problemKindInfo[problem.kind]
  const where = [
    'entrypoint' in problem ? `"${problem.entrypoint}"` : null,
    'resolutionKind' in problem ? `under ${problem.resolutionKind}` : null,
    'fileName' in problem ? `in ${problem.fileName}` : null,
    'typesFileName' in problem ? `types ${problem.typesFileName}` : null,
    'implementationFileName' in problem ? `implementation ${problem.implementationFileName}` : null,
  ].filter((part) => part !== null)
  return `${info.title} (${problem.kind}${where.length > 0 ? `: ${where.join(', ')}` : ''}): ${info.shortDescription}. ${info.docsUrl}`
}

/**
 * Are the Wrong Types (`@arethetypeswrong/core`, the library behind the `attw` CLI), in this process:
 * the tarball's types must resolve for ESM under node16/nodenext and bundler resolution, the
 * checks of `attw --profile esm-only`. One TypeScript for all packages rather than a CLI process
 * (2 s of CPU) per package. A package without types is a problem here (the CLI passes it).
 */
export async function checkTypeResolution(tarball: string): Promise<string[]> {
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))))
  if (!analysis.types) return ['attw: the package ships no types']
  return analysis.problems
    .filter(
      (problem) => !('resolutionKind' in problem) || !IGNORED_RESOLUTIONS.includes(problem.resolutionKind),
    )
    .map((problem) => `attw (esm-only): ${describeProblem(problem)}`)
}
