import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { copyRepository, type RepositoryCopy } from './support/repository-copy.ts'
import { runScript } from './support/run-script.ts'
import type { SpecDocument } from './support/temp-spec-repo.ts'
import { cancelOperation } from './support/truedy-mutations.ts'

/** The whole `pnpm generate` in a copy of the repository: the changeset is part of its output. */
describe('pnpm generate writes the changeset a spec change implies', () => {
  let copy: RepositoryCopy
  const specPath = () => join(copy.root, 'specs/truedy.yaml')
  const changesetPath = () => join(copy.root, '.changeset/spec-truedy-types.md')
  const mutate = (change: (document: SpecDocument) => void) => {
    const document = parse(readFileSync(specPath(), 'utf8')) as SpecDocument
    change(document)
    writeFileSync(specPath(), stringify(document, { lineWidth: 0 }))
  }
  const changed = () => copy.git('status', '--porcelain').trimEnd().split('\n').sort()

  beforeAll(() => {
    copy = copyRepository()
  })
  afterAll(() => copy.remove())

  test('an added operation: minor, stamp and changeset written together', () => {
    mutate((document) => {
      document.paths['/batch-calls/{batch_call_id}/cancel'] = {
        parameters: [{ $ref: '#/components/parameters/BatchCallId' }],
        post: cancelOperation(),
      }
    })
    const result = runScript(copy.root, 'generate.ts')
    expect(result.status, result.stderr).toBe(0)
    expect(readFileSync(changesetPath(), 'utf8')).toBe(
      [
        '---',
        '"@voicebatch/truedy-types": minor',
        '---',
        '',
        'Types regenerated from `specs/truedy.yaml` (Truedy API 1.0.0).',
        '',
        '- new operation under `/batch-calls`: POST /batch-calls/{batch_call_id}/cancel',
        '',
      ].join('\n'),
    )
    expect(changed()).toEqual(
      [
        '?? .changeset/spec-truedy-types.md',
        ' M packages/truedy-types/package.json',
        ' M packages/truedy-types/src/generated/openapi.ts',
        ' M packages/truedy-types/src/generated/schemas.ts',
        ' M packages/truedy-types/src/generated/spec-info.ts',
        ' M specs/truedy.yaml',
      ].sort(),
    )
  })

  test('running again changes nothing, and --check passes', () => {
    const before = readFileSync(changesetPath(), 'utf8')
    const again = runScript(copy.root, 'generate.ts')
    expect(again.status, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/^truedy .* up to date$/m)
    expect(readFileSync(changesetPath(), 'utf8')).toBe(before)
    const check = runScript(copy.root, 'generate.ts', '--check')
    expect(check.status, check.stderr).toBe(0)
  })

  test('a later breaking change before release raises the same file to major, keeping the earlier line', () => {
    mutate((document) => {
      delete document.paths['/batch-calls/{batch_call_id}/pause']
    })
    const result = runScript(copy.root, 'generate.ts')
    expect(result.status, result.stderr).toBe(0)
    const content = readFileSync(changesetPath(), 'utf8')
    expect(content).toContain('"@voicebatch/truedy-types": major')
    expect(content).toContain(
      '- new operation under `/batch-calls`: POST /batch-calls/{batch_call_id}/cancel\n',
    )
    expect(content).toContain('- removed POST /batch-calls/{batch_call_id}/pause (breaking)\n')
    expect(runScript(copy.root, 'generate.ts', '--check').status).toBe(0)
  })
})
