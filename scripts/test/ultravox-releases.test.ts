import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { generatedTypesText } from '../generate/generated-types-text.ts'
import { changesetBullets } from '../spec-diff/changeset-bullets.ts'
import { diffSpecs } from '../spec-diff/diff-specs.ts'
import { REPO_ROOT } from './support/temp-spec-repo.ts'

/** Ultravox's real releases, oldest first; the newest is specs/ultravox.yaml itself. */
const RELEASES: [string, string][] = [
  ['2026-03-25', 'scripts/test/fixtures/ultravox-releases/2026-03-25.yaml'],
  ['2026-04-28', 'scripts/test/fixtures/ultravox-releases/2026-04-28.yaml'],
  ['2026-06-04', 'scripts/test/fixtures/ultravox-releases/2026-06-04.yaml'],
  ['2026-07-02', 'specs/ultravox.yaml'],
]
const text = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8')

// Parsing and rendering a release takes a second of CPU: each is done once per file (several tests share them).
const parsedReleases = new Map<string, unknown>()
const parsed = (path: string): unknown => {
  if (!parsedReleases.has(path)) parsedReleases.set(path, parse(text(path)))
  return structuredClone(parsedReleases.get(path))
}
const renderedReleases = new Map<string, Promise<string>>()
/** The generated types of a release as it is, unedited. */
const releaseTypes = (path: string): Promise<string> => {
  const rendered =
    renderedReleases.get(path) ??
    generatedTypesText({ name: 'ultravox', file: path, overlay: null, document: parsed(path) } as never)
  renderedReleases.set(path, rendered)
  return rendered
}

async function diffReleases(from: string, to: string) {
  const [before, after] = await Promise.all([releaseTypes(from), releaseTypes(to)])
  const diff = await diffSpecs(
    { file: from, text: text(from) },
    { file: to, text: text(to) },
    { typesIdentical: before === after },
  )
  return { diff, bullets: changesetBullets(diff.changes) }
}

/** What each release changed, read off the documents and their generated types. */
const EXPECTED = [
  {
    // Call throttles: a new resource (6 operations, 4 schemas), `throttle` on batches and calls.
    bump: 'minor',
    operations: [
      'DELETE /api/call_throttles/{throttle_id}',
      'GET /api/call_throttles',
      'GET /api/call_throttles/{throttle_id}',
      'PATCH /api/call_throttles/{throttle_id}',
      'POST /api/call_throttles',
      'PUT /api/call_throttles/{throttle_id}',
    ],
    lines: [
      'new schemas (4): `CallThrottleRule`, `CallThrottle`, `PaginatedCallThrottleList`, `PatchedCallThrottle`',
      'POST /api/calls: new query parameter `throttle`',
    ],
  },
  {
    // SIP fallback handler: optional fields and three new schemas, no new operation.
    bump: 'minor',
    operations: [],
    lines: [
      'PATCH /api/sip: request body: new field `fallbackHandler` (schema `PatchedSipConfig`)',
      'new schemas (3): `FallbackHandler`, `ultravox.v1.SipFallbackHandlerResponse`, `ultravox.v1.SipRejection`',
    ],
  },
  {
    // One optional boolean on ElevenLabs voices.
    bump: 'minor',
    operations: [],
    lines: [
      'GET /api/agents: response 200: new field `results[].callTemplate.externalVoice.elevenLabs.enableSsmlParsing` (schema `ultravox.v1.ElevenLabsVoice`)',
    ],
  },
]

describe('changesets on the real Ultravox releases, pair by pair', () => {
  for (const [index, expected] of EXPECTED.entries()) {
    const [fromName, from] = RELEASES[index] as [string, string]
    const [toName, to] = RELEASES[index + 1] as [string, string]
    test(`${fromName} → ${toName}: ${expected.bump}, every change named`, async () => {
      const { diff, bullets } = await diffReleases(from, to)
      expect(diff.bump).toBe(expected.bump)
      for (const line of expected.lines) expect(bullets).toContain(line)
      const listed = bullets.filter((bullet) => bullet.startsWith('new operation')).join('\n')
      for (const operation of expected.operations) expect(listed).toContain(operation)
      expect(bullets.join('\n')).not.toMatch(/undefined|more change|… and/)
    }, 60_000)
  }
})

describe('changeset rules on edits of the published document', () => {
  const P = '/api/agents/{agent_id}/scheduled_batches'
  // biome-ignore lint/suspicious/noExplicitAny: edits reach into arbitrary OpenAPI nodes.
  async function diffEdit(edit: (document: any) => void) {
    const base = parsed('specs/ultravox.yaml')
    const revision = parsed('specs/ultravox.yaml')
    edit(revision)
    const [before, after] = await Promise.all([
      releaseTypes('specs/ultravox.yaml'),
      generatedTypesText({ name: 'ultravox', file: 'u.json', overlay: null, document: revision } as never),
    ])
    return diffSpecs(
      { file: 'base.json', text: JSON.stringify(base) },
      { file: 'revision.json', text: JSON.stringify(revision) },
      { typesIdentical: before === after },
    )
  }

  test('validation keywords that leave the generated types identical are patch', async () => {
    const diff = await diffEdit((document) => {
      const properties = document.components.schemas.ScheduledCallBatch.properties
      properties.webhookSecret.maxLength = 99
      properties.throttle.pattern = '^[a-z]+$'
      properties.windowStart.format = 'date'
    })
    expect(diff.bump).toBe('patch')
    expect(diff.changes.length).toBeGreaterThan(0)
  }, 60_000)

  test('removing an exported schema is major', async () => {
    const diff = await diffEdit((document) => {
      delete document.components.schemas['ultravox.v1.SipRejection']
      delete document.components.schemas['ultravox.v1.SipFallbackHandlerResponse'].properties.reject
    })
    expect(diff.bump).toBe('major')
    expect(diff.changes.map((change) => change.text)).toContain(
      'removed schema `ultravox.v1.SipRejection` (its exported type alias is gone)',
    )
  }, 60_000)

  test('parameters pair by name and in: reordered is no change, a narrowed one is named', async () => {
    const reordered = await diffEdit((document) => document.paths[P].get.parameters.reverse())
    expect(reordered.changes).toEqual([])
    const narrowed = await diffEdit((document) => {
      const parameters = document.paths[P].get.parameters
      parameters.reverse()
      parameters.find((parameter: { name: string }) => parameter.name === 'pageSize').schema = {
        type: 'integer',
        enum: [10, 20],
      }
    })
    expect(narrowed.bump).toBe('major')
    expect(narrowed.changes.map((change) => change.text)).toEqual([
      `GET ${P}: query parameter \`pageSize\`: now limited to \`10\`, \`20\``,
    ])
  }, 60_000)
})
