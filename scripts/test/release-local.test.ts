import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { listPublishablePackages } from '../packaging/publishable-packages.ts'
import { CONSUMER_FIXTURE } from '../release/consumer-fixture.ts'
import { type ReleaseLocalReport, releaseLocal } from '../release/release-local.ts'
import { REPO_ROOT } from './support/temp-spec-repo.ts'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Picks the Verdaccio pid and the temp folder out of the progress lines (they are gone afterwards). */
function progressRecorder() {
  const lines: string[] = []
  return {
    log: (line: string) => lines.push(line),
    pid: () => Number(/\(pid (\d+)\)/.exec(lines.join('\n'))?.[1]),
    consumer: () => /consumer project in (\S+)/.exec(lines.join('\n'))?.[1] ?? '',
  }
}

// The packages are built by `pnpm test` before vitest starts (scripts/test.ts): building here too
// would race with the packaging test, which packs the same dist/ folders.
describe('pnpm release:local', () => {
  let report: ReleaseLocalReport

  test('publishes every package through changesets and a fresh npm project uses them', async () => {
    const progress = progressRecorder()
    report = await releaseLocal({ root: REPO_ROOT, build: false, log: progress.log })
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

  describe('when the consumer cannot install', () => {
    const fixture = mkdtempSync(join(tmpdir(), 'voicebatch-broken-fixture-'))
    afterAll(() => rmSync(fixture, { recursive: true, force: true }))

    test('fails naming the install, and still cleans up', async () => {
      cpSync(CONSUMER_FIXTURE, fixture, { recursive: true })
      writeFileSync(
        join(fixture, 'consumer.json'),
        JSON.stringify({
          install: ['@voicebatch/no-such-package'],
          steps: [{ name: 'never', run: ['node', '-e', '0'] }],
        }),
      )
      const progress = progressRecorder()
      await expect(
        releaseLocal({ root: REPO_ROOT, fixture, build: false, log: progress.log }),
      ).rejects.toThrow(/npm install @voicebatch\/no-such-package from http:\/\/127\.0\.0\.1:\d+\/ failed/)
      expect(progress.pid()).toBeGreaterThan(0)
      expect(isRunning(progress.pid())).toBe(false)
      expect(progress.consumer()).not.toBe('')
      expect(existsSync(progress.consumer())).toBe(false)
    })
  })
}, 900_000)
