import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { TYPE_CHECKER } from '../test-run/type-checker.ts'
import { copyRepository, type RepositoryCopy, repositoryRoot } from './support/repository-copy.ts'
import { runScript, type ScriptResult } from './support/run-script.ts'

// One copy for the file, put back as committed after every test (cheaper than a copy per test).
let copy: RepositoryCopy

beforeAll(() => {
  copy = copyRepository()
})
afterEach(() => copy.reset())
afterAll(() => copy.remove())

const specPath = (name: string) => join(copy.root, 'specs', `${name}.yaml`)
const readSpec = (name: string) => readFileSync(specPath(name), 'utf8')
const changedFiles = () => copy.git('status', '--porcelain').trimEnd()

describe('pnpm generate', () => {
  // The run on the committed tree; it changes nothing (the first test), so the others read its output.
  let committedRun: ScriptResult | undefined
  const runOnCommittedTree = () => {
    committedRun ??= runScript(copy.root, 'generate.ts')
    return committedRun
  }

  test('the committed output is current, and running twice changes nothing', () => {
    const first = runOnCommittedTree()
    expect(first.status, first.stderr).toBe(0)
    expect(changedFiles()).toBe('')
    const second = runScript(copy.root, 'generate.ts')
    expect(second.status).toBe(0)
    expect(changedFiles()).toBe('')
  })

  test('prints one line per spec with operations, size and time', () => {
    const result = runOnCommittedTree()
    for (const name of ['ultravox', 'techladder', 'truedy']) {
      expect(result.stdout).toMatch(new RegExp(`^${name}\\s+\\d+ operations\\s+[\\d.]+ kB\\s+[\\d.]+ s`, 'm'))
    }
    expect(result.stdout).toMatch(/generated in [\d.]+ s/)
  })

  test("a published document's style findings are one summary line, with redocly lint's rule names", () => {
    const result = runOnCommittedTree()
    expect(result.status, result.stderr).toBe(0)
    const lines = result.stdout.split('\n').filter((line) => line.includes('style findings'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^ultravox\s+style findings \(published document, not fatal/)
    for (const rule of ['operation-summary', 'operation-4xx-response', 'nullable-type-sibling']) {
      expect(lines[0]).toMatch(new RegExp(`${rule} \\d+`))
    }
  })

  test('every generated file carries the DO-NOT-EDIT header with the spec and its sha256', () => {
    const generated = readFileSync(join(copy.root, 'packages/truedy-types/src/generated/openapi.ts'), 'utf8')
    const manifest = JSON.parse(readFileSync(join(copy.root, 'packages/truedy-types/package.json'), 'utf8'))
    expect(generated.startsWith('// DO NOT EDIT')).toBe(true)
    expect(generated).toContain('Source: specs/truedy.yaml (Truedy API 1.0.0)')
    expect(generated).toContain(`sha256: ${manifest.voicebatch.specSha256}`)
    expect(manifest.voicebatch).toMatchObject({ spec: 'specs/truedy.yaml', specVersion: '1.0.0' })
  })
})

describe('bad input stops generation and leaves the tree as it was', () => {
  const expectRejected = (reason: RegExp) => {
    const result = runScript(copy.root, 'generate.ts')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(reason)
    expect(result.stderr).toContain('Nothing was written.')
    expect(changedFiles().split('\n')).toEqual([' M specs/truedy.yaml'])
  }

  test('a spec that does not parse names the file and the line', () => {
    writeFileSync(specPath('truedy'), `${readSpec('truedy')}\n  broken: [unclosed\n`)
    expectRejected(/specs\/truedy\.yaml#: not valid YAML at line \d+, column \d+/)
  })

  test('a spec that fails validation names the file and the JSON pointer', () => {
    writeFileSync(
      specPath('truedy'),
      readSpec('truedy').replace('operationId: get_batch_call', 'operationId: list_batch_calls'),
    )
    expectRejected(
      /specs\/truedy\.yaml#\/paths\/~1batch-calls~1\{batch_call_id\}\/get\/\S*: Every operation must have a unique `operationId`/,
    )
  })

  test('an unresolved $ref names the file and the pointer of the reference', () => {
    writeFileSync(
      specPath('truedy'),
      readSpec('truedy').replace(
        '$ref: "#/components/schemas/BatchCallResponse"',
        '$ref: "#/components/schemas/Missing"',
      ),
    )
    expectRejected(/specs\/truedy\.yaml#\/\S+: Can't resolve \$ref \(no-unresolved-refs/)
  })

  test('a wrong OpenAPI version is refused', () => {
    writeFileSync(specPath('truedy'), readSpec('truedy').replace('openapi: 3.1.0', 'openapi: 2.0.0'))
    expectRejected(/specs\/truedy\.yaml#\/openapi: expected OpenAPI 3\.0\.x or 3\.1\.x/)
  })

  test('a failure in one spec writes nothing for the others either', () => {
    writeFileSync(specPath('truedy'), `${readSpec('truedy')}\n  broken: [unclosed\n`)
    writeFileSync(
      specPath('ultravox'),
      readSpec('ultravox').replace('title: Ultravox', 'title: Ultravox API'),
    )
    const result = runScript(copy.root, 'generate.ts')
    expect(result.status).toBe(1)
    expect(changedFiles().split('\n').sort()).toEqual([' M specs/truedy.yaml', ' M specs/ultravox.yaml'])
  })
})

describe('the overlay', () => {
  const overlayPath = () => join(copy.root, 'specs/ultravox.overlay.yaml')

  test('an action whose target matches nothing stops generation naming the action; nothing is written', () => {
    writeFileSync(
      overlayPath(),
      readFileSync(overlayPath(), 'utf8').replace(
        'target: $.components.schemas.ScheduledCall.properties.metadata',
        'target: $.components.schemas.ScheduledCall.properties.labels',
      ),
    )
    const result = runScript(copy.root, 'generate.ts')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(
      /specs\/ultravox\.overlay\.yaml#\/actions\/0: action 1 \(target \$\.components\.schemas\.ScheduledCall\.properties\.labels; "Fact 4/,
    )
    expect(result.stderr).toContain('matches nothing in specs/ultravox.yaml')
    expect(result.stderr).toContain('Nothing was written.')
    expect(changedFiles()).toBe(' M specs/ultravox.overlay.yaml')
  })

  test('an overlay change makes --check fail for its types package, and generate regenerates it', () => {
    writeFileSync(
      overlayPath(),
      readFileSync(overlayPath(), 'utf8').replace(
        'description: A Django REST framework error.',
        'description: An error.',
      ),
    )
    const check = runScript(copy.root, 'generate.ts', '--check')
    expect(check.status).toBe(1)
    expect(check.stderr).toContain('@voicebatch/ultravox-types')
    const result = runScript(copy.root, 'generate.ts')
    expect(result.status, result.stderr).toBe(0)
    const generated = readFileSync(
      join(copy.root, 'packages/ultravox-types/src/generated/openapi.ts'),
      'utf8',
    )
    expect(generated).toContain('/** @description An error. */')
    expect(generated).toMatch(/^\/\/ Overlay: specs\/ultravox\.overlay\.yaml \(sha256: [0-9a-f]{64}\)$/m)
  })
})

describe('pnpm generate --check', () => {
  test('exits 1 naming each stale package and changes nothing', () => {
    const generated = join(copy.root, 'packages/ultravox-types/src/generated/schemas.ts')
    writeFileSync(generated, `${readFileSync(generated, 'utf8')}// hand edit\n`)
    const result = runScript(copy.root, 'generate.ts', '--check')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('@voicebatch/ultravox-types')
    expect(result.stderr).not.toContain('@voicebatch/truedy-types')
    expect(changedFiles()).toBe(' M packages/ultravox-types/src/generated/schemas.ts')
  })

  test('exits 0 when everything is current', () => {
    expect(runScript(copy.root, 'generate.ts', '--check').status).toBe(0)
  })
})

test("a provider's published document dropped into specs/ gets a types package that is ready as it is", () => {
  // A real published document (an older Ultravox release) under a new provider name.
  const published = readFileSync(
    join(repositoryRoot, 'scripts/test/fixtures/ultravox-releases/2026-03-25.yaml'),
    'utf8',
  )
  writeFileSync(specPath('acme'), published)
  const result = runScript(copy.root, 'generate.ts')
  expect(result.status, result.stderr).toBe(0)
  expect(result.stdout).toMatch(/^acme\s+style findings \(published document, not fatal/m)
  const directory = join(copy.root, 'packages/acme-types')
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'))
  expect(manifest.name).toBe('@voicebatch/acme-types')
  expect(manifest.voicebatch.spec).toBe('specs/acme.yaml')
  for (const file of [
    'README.md',
    'tsconfig.json',
    'turbo.json',
    'src/index.ts',
    'src/generated/openapi.ts',
    'src/generated/schemas.ts',
  ]) {
    expect(existsSync(join(directory, file)), file).toBe(true)
  }
  // The document itself is untouched.
  expect(readSpec('acme')).toBe(published)
  // A size budget, a changeset for the new package, and the lockfile knows the package.
  const budgets = JSON.parse(readFileSync(join(copy.root, '.size-limit.json'), 'utf8')) as { name: string }[]
  expect(budgets.map((entry) => entry.name)).toContain('@voicebatch/acme-types')
  expect(readFileSync(join(copy.root, '.changeset/new-acme-types.md'), 'utf8')).toContain(
    '"@voicebatch/acme-types": minor',
  )
  expect(readFileSync(join(copy.root, 'pnpm-lock.yaml'), 'utf8')).toContain('\n  packages/acme-types:\n')
  const bin = (name: string) => join(repositoryRoot, 'node_modules/.bin', name)
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { cwd: copy.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  // Biome-formatted, and `pnpm install --frozen-lockfile` accepts the lockfile as it is.
  run(bin('biome'), ['check', 'packages/acme-types', '.size-limit.json', '.changeset'])
  run('pnpm', ['install', '--frozen-lockfile', '--lockfile-only', '--offline'])
  run(TYPE_CHECKER, ['--noEmit', '-p', 'packages/acme-types/tsconfig.json'])
  // A second run changes nothing.
  const status = copy.git('status', '--porcelain')
  expect(runScript(copy.root, 'generate.ts', '--check').status).toBe(0)
  expect(copy.git('status', '--porcelain')).toBe(status)
}, 240_000)

describe('turbo sees a spec as an input of its types package only', () => {
  const buildHashes = () => {
    const output = execFileSync(
      join(repositoryRoot, 'node_modules/.bin/turbo'),
      ['run', 'build', '--dry=json'],
      {
        cwd: copy.root,
        encoding: 'utf8',
      },
    )
    const summary = JSON.parse(output) as { tasks: { taskId: string; hash: string }[] }
    return new Map(summary.tasks.map((task) => [task.taskId, task.hash]))
  }

  /** Workspace packages that depend on `name`, directly or not (devDependencies count: turbo's graph has them). */
  const dependentsOf = (name: string): Set<string> => {
    const manifests = execFileSync('git', ['ls-files', 'packages/*/package.json', 'tests/*/package.json'], {
      cwd: copy.root,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map(
        (file) =>
          JSON.parse(readFileSync(join(copy.root, file), 'utf8')) as Record<string, Record<string, string>>,
      )
    const found = new Set<string>([name])
    for (let grew = true; grew; ) {
      grew = false
      for (const manifest of manifests) {
        const packageName = manifest.name as unknown as string
        const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
        if (!found.has(packageName) && dependencies.some((dependency) => found.has(dependency))) {
          found.add(packageName)
          grew = true
        }
      }
    }
    return found
  }

  test('changing specs/ultravox.overlay.yaml invalidates ultravox-types, not the other types packages', () => {
    const before = buildHashes()
    const overlay = join(copy.root, 'specs/ultravox.overlay.yaml')
    writeFileSync(overlay, `${readFileSync(overlay, 'utf8')}# edited\n`)
    const after = buildHashes()
    const changed = [...before].filter(([task, hash]) => after.get(task) !== hash).map(([task]) => task)
    expect(changed).toContain('@voicebatch/ultravox-types#build')
    expect(changed).not.toContain('@voicebatch/truedy-types#build')
    expect(changed).not.toContain('@voicebatch/techladder-types#build')
  })

  test('changing specs/truedy.yaml invalidates truedy-types and what depends on it, nothing else', () => {
    const before = buildHashes()
    writeFileSync(
      specPath('truedy'),
      readSpec('truedy').replace('title: Truedy API', 'title: Truedy Public API'),
    )
    const after = buildHashes()
    const changed = [...before].filter(([task, hash]) => after.get(task) !== hash).map(([task]) => task)
    const expected = [...dependentsOf('@voicebatch/truedy-types')].map((name) => `${name}#build`)
    expect(changed.sort()).toEqual(expected.sort())
    for (const untouched of [
      '@voicebatch/core',
      '@voicebatch/ultravox-types',
      '@voicebatch/techladder-types',
    ]) {
      expect(changed).not.toContain(`${untouched}#build`)
    }
    expect(changed).toContain('@voicebatch/truedy#build')
    expect(changed).toContain('voicebatch#build')
  })
})
