import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { lintWorkflows } from '../workflows/lint-workflows.ts'
import { REPO_ROOT } from './support/temp-spec-repo.ts'

const workflows = join(REPO_ROOT, '.github', 'workflows')
interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  strategy?: { matrix: Record<string, unknown> }
  permissions?: Record<string, string>
  steps: Step[]
}
function job(file: string, name: string): Job {
  const workflow = parse(readFileSync(join(workflows, file), 'utf8')) as { jobs: Record<string, Job> }
  const found = workflow.jobs[name]
  if (found === undefined) throw new Error(`${file} has no job ${name}`)
  return found
}
const step = (steps: Step[], action: string) => steps.find((candidate) => candidate.uses?.startsWith(action))

describe('actionlint', () => {
  const broken = mkdtempSync(join(tmpdir(), 'voicebatch-workflows-'))
  afterAll(() => rmSync(broken, { recursive: true, force: true }))

  test('finds a broken workflow: an undefined context property, an unknown permission', async () => {
    writeFileSync(
      join(broken, 'broken.yml'),
      [
        'on: push',
        'permissions:',
        '  id-tokens: write',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
        '      - run: echo ${{ github.no_such_thing }}',
        '',
      ].join('\n'),
    )
    const result = await lintWorkflows(broken)
    expect(result.state).toBe('checked')
    if (result.state !== 'checked') return
    expect(result.problems.map((problem) => [problem.line, problem.kind])).toEqual([
      [3, 'permissions'],
      [8, 'expression'],
    ])
  })
})

describe('the workflows', () => {
  test('CI installs pnpm 12.21.0 from the lockfile and runs pnpm test on Node 20 and 22, caching the store', () => {
    const test = job('ci.yml', 'test')
    expect(test.strategy?.matrix.node).toEqual([20, 22])
    expect(step(test.steps, 'pnpm/action-setup')?.with?.version).toBe('12.21.0')
    expect(step(test.steps, 'actions/setup-node')?.with).toMatchObject({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      'node-version': '${{ matrix.node }}',
      cache: 'pnpm',
    })
    expect(test.steps.map((candidate) => candidate.run).filter(Boolean)).toEqual([
      'pnpm install --frozen-lockfile',
      'pnpm test',
    ])
  })

  test('release opens the version PR or publishes with provenance, and may push tags', () => {
    const release = job('release.yml', 'release')
    expect(release.permissions).toMatchObject({
      contents: 'write',
      'pull-requests': 'write',
      'id-token': 'write',
    })
    const action = step(release.steps, 'changesets/action')
    expect(action?.with).toMatchObject({ version: 'pnpm changeset version', publish: 'pnpm release:publish' })
    expect(action?.env?.NPM_CONFIG_PROVENANCE).toBe('true')
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(manifest.scripts['release:publish']).toBe('pnpm build && changeset publish')
  })
})
