import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { copyRepository, type RepositoryCopy, repositoryRoot } from './support/repository-copy.ts'

interface PlannedRelease {
  name: string
  type: 'major' | 'minor' | 'patch' | 'none'
  oldVersion: string
  newVersion: string
}

const CHANGESET = join(repositoryRoot, 'node_modules', '.bin', 'changeset')

/**
 * A types bump must release its client and the facade (changesets' `updateInternalDependents:
 * "always"`), and `changeset version` must leave a lockfile `pnpm install` does not change.
 * Runs changesets' own CLI on a copy of the repository (without node_modules, so pnpm cannot touch ours).
 */
describe('a types package bump releases what depends on it', () => {
  let copy: RepositoryCopy
  const run = (command: string, ...args: string[]) =>
    execFileSync(command, args, { cwd: copy.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  /** pnpm here sometimes fails to look up its own platform builds (ERR_PNPM_BAD_CONFIG_DEP, a registry 404): retried. */
  const installLockfileOnly = () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return run('pnpm', 'install', '--lockfile-only', '--ignore-scripts')
      } catch (error) {
        if (
          attempt === 3 ||
          !String((error as { stderr?: unknown }).stderr).includes('ERR_PNPM_BAD_CONFIG_DEP')
        )
          throw error
      }
    }
  }
  const manifest = (name: string) =>
    JSON.parse(readFileSync(join(copy.root, 'packages', name, 'package.json'), 'utf8')) as {
      version: string
    }

  beforeAll(() => {
    copy = copyRepository()
    unlinkSync(join(copy.root, 'node_modules'))
    // Whatever state the working tree's lockfile is in, settle it first: the test is about `version`.
    installLockfileOnly()
    // Only our changeset: pending ones of the working tree would bump everything anyway.
    for (const file of readdirSync(join(copy.root, '.changeset'))) {
      if (file.endsWith('.md') && file !== 'README.md') unlinkSync(join(copy.root, '.changeset', file))
    }
    writeFileSync(
      join(copy.root, '.changeset', 'spec-truedy-types.md'),
      '---\n"@voicebatch/truedy-types": minor\n---\n\nTypes regenerated from `specs/truedy.yaml`.\n\n- GET /batch-calls: new query parameter `agent_id`\n',
    )
    copy.git('add', '--all')
    copy.git('commit', '--quiet', '--message', 'a spec change')
  })
  afterAll(() => copy.remove())

  test('changeset status plans truedy-types minor, and @voicebatch/truedy and voicebatch patch', () => {
    run(CHANGESET, 'status', '--output=release-plan.json')
    const plan = JSON.parse(readFileSync(join(copy.root, 'release-plan.json'), 'utf8')) as {
      releases: PlannedRelease[]
    }
    const bumps = Object.fromEntries(plan.releases.map((release) => [release.name, release.type]))
    expect(bumps).toMatchObject({
      '@voicebatch/truedy-types': 'minor',
      '@voicebatch/truedy': 'patch',
      voicebatch: 'patch',
    })
    for (const untouched of [
      '@voicebatch/core',
      '@voicebatch/ultravox-types',
      '@voicebatch/techladder-types',
    ]) {
      expect(bumps[untouched] ?? 'none').toBe('none')
    }
  })

  test('changeset version bumps them with an "Updated dependencies" entry, and the lockfile stays consistent', () => {
    const before = { types: manifest('truedy-types').version, client: manifest('truedy').version }
    run(CHANGESET, 'version')
    expect(manifest('truedy-types').version).not.toBe(before.types)
    expect(manifest('truedy').version).not.toBe(before.client)
    const clientChangelog = readFileSync(join(copy.root, 'packages/truedy/CHANGELOG.md'), 'utf8')
    expect(clientChangelog).toContain('### Patch Changes')
    expect(clientChangelog).toMatch(
      new RegExp(
        `- Updated dependencies.*\\n\\s+- @voicebatch/truedy-types@${manifest('truedy-types').version}`,
      ),
    )
    const facadeChangelog = readFileSync(join(copy.root, 'packages/voicebatch/CHANGELOG.md'), 'utf8')
    expect(facadeChangelog).toContain(`@voicebatch/truedy@${manifest('truedy').version}`)
    const typesChangelog = readFileSync(join(copy.root, 'packages/truedy-types/CHANGELOG.md'), 'utf8')
    expect(typesChangelog).toContain('- GET /batch-calls: new query parameter `agent_id`')

    const lockfile = readFileSync(join(copy.root, 'pnpm-lock.yaml'), 'utf8')
    installLockfileOnly()
    expect(readFileSync(join(copy.root, 'pnpm-lock.yaml'), 'utf8')).toBe(lockfile)
  })
})
