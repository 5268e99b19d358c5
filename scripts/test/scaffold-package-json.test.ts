import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { scaffoldTypesPackage } from '../generate/scaffold-types-package.ts'
import type { ValidatedSpec } from '../generate/validate-spec.ts'
import { REPO_ROOT } from './support/temp-spec-repo.ts'

function manifestFor(title: string): Record<string, unknown> {
  // Only what the scaffold reads: the name, the file and the document.
  const spec = {
    name: 'acme',
    file: 'specs/acme.yaml',
    document: { openapi: '3.1.0', info: { title, version: '1.0.0' }, paths: {} },
  } as Pick<ValidatedSpec, 'name' | 'file' | 'document'> as ValidatedSpec
  const files = scaffoldTypesPackage(REPO_ROOT, spec)
  return JSON.parse(files.get(join(REPO_ROOT, 'packages', 'acme-types', 'package.json')) ?? '{}')
}

describe('the package.json of a new types package', () => {
  test('reads "the Acme API" whether the spec title says "Acme" or "Acme API"', () => {
    const description = 'Strict TypeScript types for the Acme API, generated from its OpenAPI document.'
    expect(manifestFor('Acme').description).toBe(description)
    expect(manifestFor('Acme API').description).toBe(description)
  })

  test('has what a registry page shows, and ships CHANGELOG.md and the sources its maps point at', () => {
    expect(manifestFor('Acme')).toMatchObject({
      homepage: 'https://github.com/voicebatch/voicebatch/tree/main/packages/acme-types#readme',
      bugs: { url: 'https://github.com/voicebatch/voicebatch/issues' },
      repository: { directory: 'packages/acme-types' },
      files: ['dist', 'src', '!src/**/*.test.ts', '!src/**/*.test-d.ts', 'CHANGELOG.md'],
      scripts: { build: 'tsx ../../scripts/build/build-package.ts' },
    })
  })
})
