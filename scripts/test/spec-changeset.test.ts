import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lintSpecs } from '../generate/lint-with-redocly.ts'
import type { SpecStamp, TypesPackagePlan } from '../generate/plan-types-package.ts'
import { planSpecChangeset, specChangesetPath } from '../generate/spec-changeset.ts'
import type { SpecFile } from '../generate/spec-files.ts'
import { checkSpecSource, readOverlaySource, validateSpec } from '../generate/validate-spec.ts'
import { createTempSpecRepo, type SpecDocument, type TempSpecRepo } from './support/temp-spec-repo.ts'
import { TRUEDY_CASES } from './support/truedy-mutations.ts'

const TRUEDY = { name: 'truedy', file: 'specs/truedy.yaml', overlay: null }

function stampOf(repo: TempSpecRepo): SpecStamp {
  const manifest = JSON.parse(readFileSync(join(repo.root, 'packages/truedy-types/package.json'), 'utf8'))
  return manifest.voicebatch as SpecStamp
}

function planWith(previousStamp: SpecStamp | null): TypesPackagePlan {
  return { directory: '', files: new Map(), previousStamp, sizeBudget: null }
}

async function planChangeset(repo: TempSpecRepo, previousStamp: SpecStamp | null = stampOf(repo)) {
  const spec = await validateSpec(repo.root, TRUEDY)
  return planSpecChangeset(repo.root, spec, planWith(previousStamp))
}

/**
 * Lints every mutation of a spec in one `redocly lint` process (its start-up costs more than a
 * lint), so that each test's validateSpec finds its findings in the lint cache instead of starting
 * the CLI again. The spec file is left as committed.
 */
async function lintMutationsTogether(
  repo: TempSpecRepo,
  spec: SpecFile,
  mutations: ((document: SpecDocument) => void)[],
): Promise<void> {
  const documents = []
  for (const mutate of mutations) {
    repo.mutateSpec(spec.name, mutate)
    const source = repo.readSpec(spec.name)
    const checked = await checkSpecSource(spec, source, readOverlaySource(repo.root, spec))
    documents.push({ spec, document: checked.document })
  }
  repo.git('checkout', '--', spec.file)
  await lintSpecs(repo.root, documents)
}

function frontmatterBump(content: string): string | undefined {
  return /^"@voicebatch\/truedy-types": (\w+)$/m.exec(content)?.[1]
}

describe('planSpecChangeset: one spec change per kind, previous spec from HEAD', () => {
  let repo: TempSpecRepo
  beforeAll(async () => {
    repo = createTempSpecRepo()
    await lintMutationsTogether(
      repo,
      TRUEDY,
      TRUEDY_CASES.map((kind) => kind.mutate),
    )
  })
  afterAll(() => repo.remove())

  for (const kind of TRUEDY_CASES) {
    it(`${kind.name} → ${kind.bump}`, async () => {
      repo.mutateSpec('truedy', kind.mutate)
      const changeset = await planChangeset(repo)
      expect(changeset?.path).toBe(specChangesetPath(repo.root, 'truedy'))
      expect(frontmatterBump(changeset?.content ?? '')).toBe(kind.bump)
      expect(changeset?.content).toContain(`\n- ${kind.line}\n`)
      expect(changeset?.content).toContain('Types regenerated from `specs/truedy.yaml` (Truedy API 1.0.0)')
    })
  }
})

describe('planSpecChangeset on an OpenAPI 3.0 spec (ultravox: nullable, shared request/response schema)', () => {
  let repo: TempSpecRepo
  const ULTRAVOX = { name: 'ultravox', file: 'specs/ultravox.yaml', overlay: 'specs/ultravox.overlay.yaml' }
  const plan = async () => {
    const manifest = JSON.parse(readFileSync(join(repo.root, 'packages/ultravox-types/package.json'), 'utf8'))
    const spec = await validateSpec(repo.root, ULTRAVOX)
    return planSpecChangeset(repo.root, spec, planWith(manifest.voicebatch as SpecStamp))
  }
  const noLongerNullable = (document: SpecDocument) => {
    delete document.components.schemas.ScheduledCallBatch.properties.windowStart.nullable
  }
  const newQueryParameter = (document: SpecDocument) => {
    document.paths['/api/agents/{agent_id}/scheduled_batches'].get.parameters.push({
      name: 'paused',
      in: 'query',
      required: false,
      description: 'Only paused batches',
      schema: { type: 'boolean' },
    })
  }
  beforeAll(async () => {
    repo = createTempSpecRepo()
    await lintMutationsTogether(repo, ULTRAVOX, [noLongerNullable, newQueryParameter])
  })
  afterAll(() => repo.remove())

  it('a field of a schema used in requests that is no longer nullable → major', async () => {
    repo.mutateSpec('ultravox', noLongerNullable)
    const content = (await plan())?.content ?? ''
    expect(content).toContain('"@voicebatch/ultravox-types": major')
    expect(content).toContain(
      'field `results[].windowStart`: no longer nullable (schema `ScheduledCallBatch`) (breaking)',
    )
  })

  it('a new optional query parameter → minor', async () => {
    repo.mutateSpec('ultravox', newQueryParameter)
    const content = (await plan())?.content ?? ''
    expect(content).toContain('"@voicebatch/ultravox-types": minor')
    expect(content).toContain(
      '- GET /api/agents/{agent_id}/scheduled_batches: new query parameter `paused`\n',
    )
  })
})

describe('planSpecChangeset: when there is nothing to classify', () => {
  let repo: TempSpecRepo
  beforeAll(() => {
    repo = createTempSpecRepo()
  })
  afterAll(() => repo.remove())

  it('returns null when the spec is the stamped one', async () => {
    expect(await planChangeset(repo)).toBeNull()
  })

  it('returns null for a new types package (no stamp yet)', async () => {
    repo.mutateSpec('truedy', (document) => {
      document.paths['/batch-calls'].get.description = 'A new description.'
    })
    expect(await planChangeset(repo, null)).toBeNull()
  })

  it('rates a text-only change (formatting, same document) patch', async () => {
    repo.git('checkout', '--', 'specs/truedy.yaml')
    repo.writeSpec('truedy', `${repo.readSpec('truedy')}# a trailing comment\n`)
    const changeset = await planChangeset(repo)
    expect(frontmatterBump(changeset?.content ?? '')).toBe('patch')
    expect(changeset?.content).toContain('formatting only, no change to the API description')
  })
})

describe('planSpecChangeset: finding the previous spec in git', () => {
  let repo: TempSpecRepo
  beforeAll(() => {
    repo = createTempSpecRepo()
  })
  afterAll(() => repo.remove())

  it('walks git log when the stamped spec is older than HEAD', async () => {
    const stamp = stampOf(repo)
    repo.mutateSpec('truedy', (document) => {
      document.paths['/batch-calls'].get.description = 'A first, committed edit.'
    })
    repo.commitAll('spec edited, generate not run')
    repo.mutateSpec('truedy', (document) => {
      document.paths['/batch-calls'].get.description = 'A first, committed edit.'
      delete document.paths['/batch-calls/{batch_call_id}/pause']
    })
    const changeset = await planChangeset(repo, stamp)
    expect(frontmatterBump(changeset?.content ?? '')).toBe('major')
    expect(changeset?.content).toContain('- removed POST /batch-calls/{batch_call_id}/pause (breaking)')
    expect(changeset?.content).toContain('- GET /batch-calls: description changed')
  })

  it('falls back to major, saying why, when no version of the spec has the stamped sha256', async () => {
    const lost = { ...stampOf(repo), specSha256: 'f'.repeat(64) }
    const changeset = await planChangeset(repo, lost)
    expect(frontmatterBump(changeset?.content ?? '')).toBe('major')
    expect(changeset?.content).toContain('(version 1.0.0, sha256 ffffffffffff…) was not found')
    expect(changeset?.content).toContain('rated major to be safe')
  })

  it('falls back to major outside a git repository too', async () => {
    const spec = await validateSpec(repo.root, TRUEDY)
    const outside = mkdtempSync(join(tmpdir(), 'voicebatch-not-a-repo-'))
    try {
      const changeset = await planSpecChangeset(outside, spec, planWith(stampOf(repo)))
      expect(changeset?.path).toBe(join(outside, '.changeset', 'spec-truedy-types.md'))
      expect(frontmatterBump(changeset?.content ?? '')).toBe('major')
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })
})

describe('planSpecChangeset: an unreleased changeset from an earlier run', () => {
  let repo: TempSpecRepo
  beforeAll(() => {
    repo = createTempSpecRepo()
  })
  afterAll(() => repo.remove())

  it('keeps the larger bump and the earlier lines when a later change is smaller', async () => {
    const path = specChangesetPath(repo.root, 'truedy')
    writeFileSync(
      path,
      '---\n"@voicebatch/truedy-types": major\n---\n\nEarlier run.\n\n- removed PATCH /batch-calls/{batch_call_id} (breaking)\n',
    )
    repo.mutateSpec('truedy', (document) => {
      document.paths['/batch-calls'].get.description = 'Only words changed.'
    })
    const changeset = await planChangeset(repo)
    expect(frontmatterBump(changeset?.content ?? '')).toBe('major')
    expect(changeset?.content).toContain('- removed PATCH /batch-calls/{batch_call_id} (breaking)\n')
    expect(changeset?.content).toContain('- GET /batch-calls: description changed\n')
  })
})
