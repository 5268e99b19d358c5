import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { assertBuilt } from '../packaging/assert-built.ts'
import { buildPackages } from '../packaging/check-packages.ts'
import { listPublishablePackages, type PublishablePackage } from '../packaging/publishable-packages.ts'
import { CONSUMER_FIXTURE } from './consumer-fixture.ts'
import { publishWithChangesets } from './publish-with-changesets.ts'
import { runConsumer, type StepResult } from './run-consumer.ts'
import { withLocalRegistry } from './with-local-registry.ts'

export interface ReleaseLocalOptions {
  root: string
  /** The consumer fixture folder (default: scripts/release/consumer-fixture). */
  fixture?: string
  /** Skip `turbo run build` (then every package must be built already). */
  build?: boolean
  log?: (line: string) => void
}

export interface ReleaseLocalReport {
  registryUrl: string
  verdaccioPid: number
  /** The temp folder that held the registry storage and the consumer; removed at the end. */
  workDirectory: string
  published: PublishablePackage[]
  steps: StepResult[]
  timings: Record<string, number>
}

async function timed<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await work()
  } finally {
    timings[name] = Number(((performance.now() - started) / 1000).toFixed(1))
  }
}

/**
 * `pnpm release:local`: build, start Verdaccio (temp storage, 127.0.0.1, free port), publish every
 * package through `changeset publish`, install them with plain npm into a fresh folder, and run the
 * consumer fixture's steps there. Verdaccio is stopped and every temp folder removed, also on failure
 * (with-local-registry.ts).
 */
export async function releaseLocal(options: ReleaseLocalOptions): Promise<ReleaseLocalReport> {
  const log = options.log ?? (() => {})
  const timings: Record<string, number> = {}
  const packages = listPublishablePackages(options.root)
  if (options.build !== false) {
    log('building every package (turbo)')
    await timed(timings, 'build', () => buildPackages(options.root, packages))
  } else assertBuilt(packages)
  const starting = performance.now()
  return withLocalRegistry(async ({ registry, environment, workDirectory }) => {
    timings['start Verdaccio'] = Number(((performance.now() - starting) / 1000).toFixed(1))
    log(`Verdaccio ${registry.url} (pid ${registry.pid})`)
    log('changeset publish --no-git-tag')
    const published = await timed(timings, 'publish', () =>
      publishWithChangesets(options.root, registry.url, environment),
    )
    log(`published ${published.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')}`)
    const consumer = join(workDirectory, 'consumer')
    log(`consumer project in ${consumer}`)
    const steps = await timed(timings, 'consumer', () =>
      runConsumer(options.fixture ?? CONSUMER_FIXTURE, consumer, registry.url, environment),
    )
    return { registryUrl: registry.url, verdaccioPid: registry.pid, workDirectory, published, steps, timings }
  })
}
