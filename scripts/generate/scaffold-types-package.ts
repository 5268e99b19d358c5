import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CheckedSpec } from './validate-spec.ts'

const TEMPLATES = join(import.meta.dirname, 'templates')

function render(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '')
}

/** "Truedy API" and "Truedy" both read "the Truedy API" in a description. */
function apiName(title: string): string {
  return `${title.trim().replace(/\s+API$/i, '')} API`
}

/** The spec and its overlay (present or future): a change to either invalidates the package's build. */
export function specInputs(spec: CheckedSpec): string[] {
  return [`$TURBO_ROOT$/${spec.file}`, `$TURBO_ROOT$/specs/${spec.name}.overlay.*`]
}

function packageJson(spec: CheckedSpec): Record<string, unknown> {
  const directory = `packages/${spec.name}-types`
  return {
    name: `@voicebatch/${spec.name}-types`,
    version: '0.0.0',
    description: `Strict TypeScript types for the ${apiName(spec.document.info.title)}, generated from its OpenAPI document.`,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.19' },
    repository: {
      type: 'git',
      url: 'git+https://github.com/voicebatch/voicebatch.git',
      directory,
    },
    homepage: `https://github.com/voicebatch/voicebatch/tree/main/${directory}#readme`,
    bugs: { url: 'https://github.com/voicebatch/voicebatch/issues' },
    exports: {
      '.': { types: './dist/index.d.mts', default: './dist/index.mjs' },
      './package.json': './package.json',
    },
    main: './dist/index.mjs',
    types: './dist/index.d.mts',
    // src/ ships for the source maps: "go to definition" lands in the sources.
    files: ['dist', 'src', '!src/**/*.test.ts', '!src/**/*.test-d.ts', 'CHANGELOG.md'],
    scripts: {
      build: 'tsx ../../scripts/build/build-package.ts',
      typecheck: 'tsc --noEmit -p tsconfig.json',
    },
    devDependencies: { tsdown: 'catalog:', typescript: 'catalog:', vitest: 'catalog:' },
    publishConfig: { access: 'public' },
  }
}

/**
 * The hand-owned files of a new types package. Written only when the package does not exist yet:
 * after that they are the maintainers' to edit; only `src/generated/` and the spec stamp are regenerated.
 */
export function scaffoldTypesPackage(root: string, spec: CheckedSpec): Map<string, string> {
  const directory = join(root, 'packages', `${spec.name}-types`)
  if (existsSync(join(directory, 'package.json'))) return new Map()
  const values = {
    name: spec.name,
    title: spec.document.info.title,
    file: spec.file,
    baseUrl: spec.document.servers?.[0]?.url ?? '',
  }
  return new Map([
    [join(directory, 'package.json'), `${JSON.stringify(packageJson(spec), null, 2)}\n`],
    [join(directory, 'README.md'), render(readFileSync(join(TEMPLATES, 'types-readme.md'), 'utf8'), values)],
    // Every published package carries the root license (checked by scripts/packaging).
    [join(directory, 'LICENSE'), readFileSync(join(root, 'LICENSE'), 'utf8')],
    [
      join(directory, 'tsconfig.json'),
      `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src', 'test', 'vitest.config.ts'] }, null, 2)}\n`,
    ],
    [join(directory, 'tsdown.config.ts'), "export { default } from '../../tsdown.base.ts'\n"],
    [
      join(directory, 'turbo.json'),
      `${JSON.stringify(
        {
          $schema: '../../node_modules/turbo/schema.json',
          extends: ['//'],
          tasks: {
            build: { inputs: ['$TURBO_EXTENDS$', ...specInputs(spec)] },
            typecheck: { inputs: ['$TURBO_EXTENDS$', ...specInputs(spec)] },
          },
        },
        null,
        2,
      )}\n`,
    ],
    [
      join(directory, 'vitest.config.ts'),
      [
        "import { defineProject } from 'vitest/config'",
        '',
        'export default defineProject({',
        '  test: {',
        `    name: '${spec.name}-types',`,
        "    include: ['test/**/*.test.ts'],",
        "    typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },",
        '  },',
        '})',
        '',
      ].join('\n'),
    ],
    [
      join(directory, 'src', 'index.ts'),
      [
        "export * from './generated/openapi.js'",
        "export * from './generated/schemas.js'",
        "export { specInfo } from './generated/spec-info.js'",
        '',
      ].join('\n'),
    ],
  ])
}
