import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { stringify } from 'yaml'
import { cachedAnswerFile } from '../generate/redocly-cache.ts'
import { redoclyDiffCacheKey, runRedoclyDiff, type SpecText } from '../spec-diff/run-redocly-diff.ts'

// Titles of their own: no other test diffs these texts, so their cache entries are this file's.
const title = `Diff cache test ${process.pid}-${Date.now()}`
const operation = (operationId: string) => ({
  operationId,
  summary: operationId,
  responses: { '200': { description: 'ok' } },
})
const spec = (paths: Record<string, unknown>): SpecText => ({
  file: 'acme.yaml',
  text: stringify({ openapi: '3.1.0', info: { title, version: '1.0.0' }, paths }),
})
const base = spec({ '/things': { get: operation('listThings') } })
const added = spec({
  '/things': { get: operation('listThings') },
  '/others': { get: operation('listOthers') },
})
const entries = [redoclyDiffCacheKey(base, added), redoclyDiffCacheKey(added, base)].map((key) =>
  cachedAnswerFile('diff', key),
)
afterAll(() => {
  for (const file of entries) rmSync(file, { force: true })
})

describe('redocly diff reports are cached by the two texts', () => {
  test('a pair diffed before takes its report from the cache; VOICEBATCH_REDOCLY_CACHE=off runs the CLI', async () => {
    const forward = await runRedoclyDiff(base, added)
    const backward = await runRedoclyDiff(added, base)
    expect(forward).not.toEqual(backward)
    for (const file of entries) expect(existsSync(file), file).toBe(true)

    // The backward report put where the forward one is kept: the next forward diff answers with it.
    writeFileSync(entries[0] as string, readFileSync(entries[1] as string))
    expect(await runRedoclyDiff(base, added)).toEqual(backward)

    vi.stubEnv('VOICEBATCH_REDOCLY_CACHE', 'off')
    try {
      expect(await runRedoclyDiff(base, added)).toEqual(forward)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  test('the key changes with either text and with the format', () => {
    const key = redoclyDiffCacheKey(base, added)
    expect(redoclyDiffCacheKey(added, base)).not.toBe(key)
    expect(redoclyDiffCacheKey(base, { ...added, text: `${added.text}\n` })).not.toBe(key)
    expect(redoclyDiffCacheKey({ ...base, file: 'acme.json' }, added)).not.toBe(key)
    expect(redoclyDiffCacheKey({ ...base }, { ...added })).toBe(key)
  })
})
