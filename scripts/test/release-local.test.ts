import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { listPublishablePackages } from '../packaging/publishable-packages.ts'
import { CONSUMER_FIXTURE } from '../release/consumer-fixture.ts'
import { type ReleaseLocalReport, releaseLocal } from '../release/release-local.ts'
import { runConsumer } from '../release/run-consumer.ts'
import { type LocalRegistrySession, withLocalRegistry } from '../release/with-local-registry.ts'
import { REPO_ROOT } from './support/temp-spec-repo.ts'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

// The packages are built by `pnpm test` before vitest starts (scripts/test.ts): building here too
// would race with the packaging test, which packs the same dist/ folders.
describe('pnpm release:local', () => {
  let report: ReleaseLocalReport

  test('publishes every package through changesets and a fresh npm project uses them', async () => {
    report = await releaseLocal({ root: REPO_ROOT, build: false })
    expect(report.registryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(report.published.map((pkg) => pkg.name).sort()).toEqual(
      listPublishablePackages(REPO_ROOT)
        .map((pkg) => pkg.name)
        .sort(),
    )
    expect(report.steps.map((step) => step.name)).toEqual([
      'ESM import() of every installed @voicebatch package',
      'CommonJS require() of every installed @voicebatch package',
      'tsc --noEmit, nodenext + strict flags: the types packages from ESM and CommonJS',
      'public API names from ESM and require(): createTruedyClient, createVoiceBatch, startMockServer',
      'tsc --noEmit, nodenext + strict flags: createTruedyClient and createVoiceBatch',
      'tsc --noEmit, bundler resolution + strict flags: the types packages, createTruedyClient and createVoiceBatch',
      "a real call: startMockServer({ provider: 'truedy' }), then client.GET('/batch-calls')",
    ])
    const failed = report.steps.filter((step) => !step.passed)
    expect(failed.map((step) => `${step.name}\n${step.output}`).join('\n\n')).toBe('')
    console.log(`release:local timings (s): ${JSON.stringify(report.timings)}`)
  })

  test('stopped Verdaccio and removed its temp folder', () => {
    expect(isRunning(report.verdaccioPid)).toBe(false)
    expect(existsSync(report.workDirectory)).toBe(false)
  })

  // The failure path without publishing everything again (the case took 6.8 s that way, 4.1 s
  // this way): the same registry session and consumer steps releaseLocal uses, with a fixture whose
  // install fails.
  describe('when the consumer cannot install', () => {
    const fixture = mkdtempSync(join(tmpdir(), 'voicebatch-broken-fixture-'))
    afterAll(() => rmSync(fixture, { recursive: true, force: true }))

    test('fails naming the install, and the registry session still stops Verdaccio and removes its folder', async () => {
      cpSync(CONSUMER_FIXTURE, fixture, { recursive: true })
      writeFileSync(
        join(fixture, 'consumer.json'),
        JSON.stringify({
          install: ['@voicebatch/no-such-package'],
          steps: [{ name: 'never', run: ['node', '-e', '0'] }],
        }),
      )
      let session: LocalRegistrySession | undefined
      let consumer = ''
      await expect(
        withLocalRegistry((started) => {
          session = started
          consumer = join(started.workDirectory, 'consumer')
          return runConsumer(fixture, consumer, started.registry.url, started.environment)
        }),
      ).rejects.toThrow(/npm install @voicebatch\/no-such-package from http:\/\/127\.0\.0\.1:\d+\/ failed/)
      expect(session?.registry.pid).toBeGreaterThan(0)
      expect(isRunning(session?.registry.pid ?? 0)).toBe(false)
      expect(consumer).not.toBe('')
      expect(existsSync(consumer)).toBe(false)
      expect(existsSync(session?.workDirectory ?? '')).toBe(false)
    })
  })
}, 900_000)
