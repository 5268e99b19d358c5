import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkPackages, type PackageCheck } from '../packaging/check-packages.ts'
import { checkPackedManifest } from '../packaging/check-packed-manifest.ts'
import { checkRegistryMetadata } from '../packaging/check-registry-metadata.ts'
import type { SizeReport } from '../packaging/check-size-limits.ts'
import { checkSourceMaps } from '../packaging/check-source-maps.ts'
import { checkTarballFiles } from '../packaging/check-tarball-files.ts'
import { checkTypeResolution } from '../packaging/check-type-resolution.ts'
import { packPackage } from '../packaging/pack-package.ts'
import { listPublishablePackages } from '../packaging/publishable-packages.ts'
import { REPO_ROOT } from './support/temp-spec-repo.ts'

// Built by `pnpm test` before vitest starts (scripts/test.ts), not here: see release-local.test.ts.
describe('every publishable package, packed as it would be published', () => {
  let checks: PackageCheck[]
  let sizes: SizeReport[]
  beforeAll(async () => {
    ;({ checks, sizes } = await checkPackages(REPO_ROOT, { build: false }))
  }, 600_000)

  test('covers every package under packages/ that is not private', () => {
    expect(checks.map((check) => check.name).sort()).toEqual(
      listPublishablePackages(REPO_ROOT)
        .map((pkg) => pkg.name)
        .sort(),
    )
  })

  test('passes publint --strict, attw (esm-only), the tarball rules and its size budget', () => {
    const problems = checks.flatMap((check) => check.problems.map((problem) => `${check.name}: ${problem}`))
    expect(problems.join('\n\n')).toBe('')
  })

  test('ships only dist, src (for the source maps), README, LICENSE, CHANGELOG and package.json', () => {
    for (const check of checks) {
      for (const file of check.files)
        expect(file).toMatch(/^(dist\/.+|src\/.+\.ts|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/)
      expect(check.files, check.name).toContain('dist/index.d.mts.map')
      expect(check.files, check.name).toContain('src/index.ts')
    }
  })

  test('every package has a measured size-limit budget', () => {
    for (const check of checks)
      expect(
        sizes.some((size) => size.name === check.name),
        check.name,
      ).toBe(true)
  })
})

describe('pnpm pack rewrites workspace and catalog ranges', () => {
  const destination = mkdtempSync(join(tmpdir(), 'voicebatch-pack-test-'))
  afterAll(() => rmSync(destination, { recursive: true, force: true }))

  test('@voicebatch/truedy depends on registry versions in its tarball', async () => {
    const all = listPublishablePackages(REPO_ROOT)
    const truedy = all.find((pkg) => pkg.name === '@voicebatch/truedy')
    if (!truedy) throw new Error('no @voicebatch/truedy')
    const packed = await packPackage(truedy, destination)
    const dependencies = packed.manifest.dependencies as Record<string, string>
    const version = (name: string) => all.find((pkg) => pkg.name === name)?.version
    expect(dependencies).toMatchObject({
      '@voicebatch/core': `^${version('@voicebatch/core')}`,
      '@voicebatch/truedy-types': `^${version('@voicebatch/truedy-types')}`,
      'openapi-fetch': '0.17.0',
    })
    expect(JSON.stringify(packed.manifest)).not.toMatch(/"(workspace|catalog):/)
    expect(checkPackedManifest(packed, all)).toEqual([])
  })
})

describe('the tarball rules catch what must not ship', () => {
  const packed = (files: string[], manifest: Record<string, unknown> = {}, contents = '') => ({
    tarball: 'x.tgz',
    files,
    manifest,
    contents,
  })

  test('sources, tests, configs, secrets; a missing LICENSE; an export that was not built', () => {
    const problems = checkTarballFiles(
      packed(
        [
          'package.json',
          'src/index.ts',
          'src/notes.md',
          'test/client.test.ts',
          'tsconfig.json',
          '.env',
          'dist/index.mjs',
          'dist/key.pem',
        ],
        {
          exports: { '.': { types: './dist/index.d.mts', default: './dist/index.mjs' } },
        },
      ),
    )
    expect(problems).toEqual([
      'unexpected file in the tarball: src/notes.md',
      'file that must not be published: test/client.test.ts',
      'unexpected file in the tarball: tsconfig.json',
      'file that must not be published: .env',
      'file that must not be published: dist/key.pem',
      'missing from the tarball: LICENSE',
      'exports["."] points at ./dist/index.d.mts, which is not in the tarball (was the package built?)',
    ])
  })

  test('a forbidden file inside dist or src: a test, a type test', () => {
    expect(
      checkTarballFiles(
        packed(['package.json', 'LICENSE', 'dist/index.test.mjs', 'dist/index.mjs.map', 'src/a.test-d.ts']),
      ),
    ).toEqual([
      'file that must not be published: dist/index.test.mjs',
      'file that must not be published: src/a.test-d.ts',
    ])
  })

  test('a build without maps, a map that names a source not shipped, a map that names none', () => {
    const contents = mkdtempSync(join(tmpdir(), 'voicebatch-maps-test-'))
    try {
      mkdirSync(join(contents, 'dist'))
      writeFileSync(join(contents, 'dist/index.mjs'), 'export {}\n//# sourceMappingURL=index.mjs.map\n')
      writeFileSync(join(contents, 'dist/index.mjs.map'), JSON.stringify({ sources: ['../src/client.ts'] }))
      writeFileSync(join(contents, 'dist/index.d.mts'), 'export {}\n')
      writeFileSync(join(contents, 'dist/other.d.mts'), 'export {}\n//# sourceMappingURL=other.d.mts.map\n')
      writeFileSync(join(contents, 'dist/other.d.mts.map'), JSON.stringify({ sources: [] }))
      const files = [
        'dist/index.mjs',
        'dist/index.mjs.map',
        'dist/index.d.mts',
        'dist/other.d.mts',
        'dist/other.d.mts.map',
      ]
      expect(checkSourceMaps(packed(files, {}, contents))).toEqual([
        'dist/index.mjs.map points at ../src/client.ts, which is not in the tarball',
        'dist/index.d.mts has no source map (dist/index.d.mts.map)',
        'dist/other.d.mts.map names no sources',
      ])
    } finally {
      rmSync(contents, { recursive: true, force: true })
    }
  })

  test('registry metadata: a doubled word, no homepage or bugs, a wrong directory, no CHANGELOG.md', () => {
    const pkg = {
      name: '@voicebatch/truedy-types',
      version: '0.1.0',
      directory: '/repo/packages/truedy-types',
    }
    expect(
      checkRegistryMetadata(
        packed([], {
          description: 'Strict TypeScript types for the Truedy API API, generated from its OpenAPI document.',
          repository: {
            url: 'git+https://github.com/voicebatch/voicebatch.git',
            directory: 'packages/truedy',
          },
          files: ['dist'],
        }),
        pkg,
      ),
    ).toEqual([
      'description repeats "API": "Strict TypeScript types for the Truedy API API, generated from its OpenAPI document."',
      "homepage is undefined, expected the package's folder on GitHub",
      'bugs.url is undefined, expected https://github.com/voicebatch/voicebatch/issues',
      'repository must be git+https://github.com/voicebatch/voicebatch.git with directory packages/truedy-types',
      'files does not list CHANGELOG.md',
    ])
  })

  test('a workspace: range left in the manifest, or a range that misses the repository version', () => {
    const workspace = [{ name: '@voicebatch/core', version: '0.2.0', directory: '' }]
    expect(
      checkPackedManifest(
        packed([], { dependencies: { '@voicebatch/core': 'workspace:^', yaml: 'catalog:' } }),
        workspace,
      ),
    ).toEqual([
      'dependencies.@voicebatch/core is still "workspace:^" in the tarball',
      'dependencies.@voicebatch/core is "workspace:^", expected "^0.2.0" (the version in the repository)',
      'dependencies.yaml is still "catalog:" in the tarball',
    ])
  })
})

describe('type resolution (the checks of attw --profile esm-only)', () => {
  const work = mkdtempSync(join(tmpdir(), 'voicebatch-attw-test-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  /** A gzipped tarball of `package/` with these files, as `npm pack` lays it out. */
  const tarball = (name: string, files: Record<string, string>) => {
    const folder = join(work, name)
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(folder, 'package', dirname(path)), { recursive: true })
      writeFileSync(join(folder, 'package', path), text)
    }
    execFileSync('tar', ['-czf', 'package.tgz', 'package'], { cwd: folder })
    return join(folder, 'package.tgz')
  }
  const manifest = (exports: unknown) =>
    JSON.stringify({ name: 'fixture', version: '1.0.0', type: 'module', exports })

  test('an ESM package whose types resolve has no problem', async () => {
    const good = tarball('good', {
      'package.json': manifest({ '.': { types: './index.d.ts', default: './index.js' } }),
      'index.js': 'export const answer = 42\n',
      'index.d.ts': 'export declare const answer: number\n',
    })
    expect(await checkTypeResolution(good)).toEqual([])
  })

  test('types that point at a missing file are named, with the entrypoint and the resolution', async () => {
    const broken = tarball('broken', {
      'package.json': manifest({ '.': { types: './missing.d.ts', default: './index.js' } }),
      'index.js': 'export const answer = 42\n',
      'index.d.ts': 'export declare const answer: number\n',
    })
    const problems = await checkTypeResolution(broken)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.join('\n')).toMatch(/"\."/)
    expect(problems.join('\n')).toMatch(/under (node16-esm|bundler)/)
  })

  test('a package without any types is a problem', async () => {
    const untyped = tarball('untyped', {
      'package.json': manifest({ '.': './index.js' }),
      'index.js': 'export const answer = 42\n',
    })
    expect(await checkTypeResolution(untyped)).not.toEqual([])
  })
})
