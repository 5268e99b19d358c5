import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, test } from 'vitest'
import { REPO_ROOT } from './support/temp-spec-repo.ts'

const TYPEDOC = join(REPO_ROOT, 'node_modules', '.bin', 'typedoc')
const FIXTURE = join(import.meta.dirname, 'fixtures', 'undocumented')

const work = mkdtempSync(join(tmpdir(), 'voicebatch-typedoc-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// `pnpm test` builds the real reference (every public package) as a phase of its own; this proves
// that the same settings fail on an exported symbol without a doc comment, naming it.
test('the API reference settings fail on an exported symbol without a doc comment', async () => {
  const settings = JSON.parse(readFileSync(join(REPO_ROOT, 'typedoc.json'), 'utf8')) as Record<
    string,
    unknown
  >
  expect(settings).toMatchObject({
    treatValidationWarningsAsErrors: true,
    validation: { notDocumented: true },
  })
  const tsconfig = join(work, 'tsconfig.json')
  writeFileSync(
    tsconfig,
    JSON.stringify({ extends: join(REPO_ROOT, 'tsconfig.base.json'), include: [join(FIXTURE, 'index.ts')] }),
  )
  const config = join(work, 'typedoc.json')
  writeFileSync(
    config,
    JSON.stringify({
      ...settings,
      entryPoints: [join(FIXTURE, 'index.ts')],
      tsconfig,
      out: join(work, 'out'),
      packagesRequiringDocumentation: ['@voicebatch/undocumented-fixture'],
    }),
  )
  const failure = await promisify(execFile)(TYPEDOC, ['--options', config], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
  }).then(
    () => null,
    (error: { code: number; stdout: string; stderr: string }) => error,
  )
  expect(failure?.code).toBeGreaterThan(0)
  const output = `${failure?.stdout}${failure?.stderr}`
  expect(output).toMatch(/undocumentedFunction \(CallSignature\).*does not have any documentation/)
  expect(output).toMatch(/UndocumentedInterface \(Interface\).*does not have any documentation/)
  expect(output).not.toMatch(/documented \(Variable\)/)
  expect(output).not.toMatch(/member \(Property\)/)
}, 180_000)
