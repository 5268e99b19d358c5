import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { repositoryRoot } from './support/repository-copy.ts'
import { TSX_NODE_ARGS } from './support/run-script.ts'

const ANNOTATED = `/** Doubles a number. */
export function double(value: number): number {
  return value * 2
}
`

/** The same export with its return type left out: isolated declarations cannot emit it. */
const UNANNOTATED = `/** Doubles a number. */
export function double(value: number) {
  return value * 2
}
`

/**
 * Declarations are emitted by oxc's isolated-declarations transform (tsdown.base.ts), file by file,
 * without a type checker: an export whose type would have to be inferred must fail the build and
 * say where, never come out as `any` or `unknown`. Builds a one-file package that uses the shared
 * tsdown.base.ts and tsconfig.base.json with our build script, as `pnpm build` in a package does.
 */
describe('declarations built by oxc', () => {
  let root: string
  const build = (source: string) => {
    writeFileSync(join(root, 'src', 'index.ts'), source)
    rmSync(join(root, 'dist'), { recursive: true, force: true })
    const result = spawnSync(
      process.execPath,
      [...TSX_NODE_ARGS, join(repositoryRoot, 'scripts', 'build', 'build-package.ts')],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
    )
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
  }

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'voicebatch-isolated-dts-'))
    mkdirSync(join(root, 'src'))
    symlinkSync(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'))
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'isolated-dts-fixture', type: 'module' }),
    )
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({ extends: join(repositoryRoot, 'tsconfig.base.json'), include: ['src'] }),
    )
    writeFileSync(
      join(root, 'tsdown.config.ts'),
      `import base from ${JSON.stringify(pathToFileURL(join(repositoryRoot, 'tsdown.base.ts')).href)}\nexport default base\n`,
    )
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  test('an annotated export builds, with its declaration and declaration map', () => {
    const { status, output } = build(ANNOTATED)
    expect(status, output).toBe(0)
    const declarations = readFileSync(join(root, 'dist', 'index.d.mts'), 'utf8')
    expect(declarations).toContain('declare function double(value: number): number;')
    expect(declarations).toContain('/** Doubles a number. */')
    const map = JSON.parse(readFileSync(join(root, 'dist', 'index.d.mts.map'), 'utf8')) as {
      sources: string[]
    }
    expect(map.sources).toEqual(['../src/index.ts'])
  })

  test('an export without its return type fails the build, naming the file, line and rule', () => {
    const { status, output } = build(UNANNOTATED)
    expect(status).not.toBe(0)
    expect(output).toContain('TS9007: Function must have an explicit return type annotation')
    expect(output).toContain(`${join(root, 'src', 'index.ts')}:2:`)
  })
})
