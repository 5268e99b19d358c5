import { describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { renderOpenApiTypes } from '../generate/render-openapi-types.ts'
import { SpecError } from '../generate/spec-error.ts'
import { validateSpecSource } from '../generate/validate-spec.ts'
import { REPO_ROOT } from './support/temp-spec-repo.ts'

const ACME = { name: 'acme', file: 'specs/acme.yaml', overlay: null }

/** A small published-style OpenAPI 3.0 document: one GET answering `schema`, plus `schemas`. */
function documentWith(schemas: Record<string, unknown>, openapi = '3.0.3'): string {
  return stringify({
    openapi,
    info: { title: 'Acme', version: '1.0.0' },
    paths: {
      '/things': {
        get: {
          operationId: 'things_list',
          responses: {
            '200': {
              description: '',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
      },
    },
    components: { schemas },
  })
}

async function render(source: string): Promise<string> {
  return renderOpenApiTypes(await validateSpecSource(REPO_ROOT, ACME, source, null))
}

async function rejection(work: Promise<unknown>): Promise<SpecError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(SpecError)
  return error as SpecError
}

describe('nullable beside a reference, Django REST framework style', () => {
  const Inner = { type: 'object', properties: { id: { type: 'string' } } }

  test('`nullable` beside `allOf` without `type` renders T | null', async () => {
    const types = await render(
      documentWith({
        Inner,
        Thing: {
          type: 'object',
          properties: { inner: { allOf: [{ $ref: '#/components/schemas/Inner' }], nullable: true } },
        },
      }),
    )
    expect(types).toContain('inner?: components["schemas"]["Inner"] | null;')
  })

  test('`nullable` beside a bare `$ref` renders T | null too', async () => {
    const types = await render(
      documentWith({
        Inner,
        Thing: {
          type: 'object',
          properties: { inner: { $ref: '#/components/schemas/Inner', nullable: true } },
        },
      }),
    )
    expect(types).toContain('inner?: components["schemas"]["Inner"] | null;')
  })

  test('`nullable` beside `oneOf` without `type` renders (A | B) | null', async () => {
    const types = await render(
      documentWith({
        Inner,
        Thing: {
          type: 'object',
          properties: {
            inner: { oneOf: [{ $ref: '#/components/schemas/Inner' }, { type: 'string' }], nullable: true },
          },
        },
      }),
    )
    expect(types).toMatch(/inner\?: \(components\["schemas"\]\["Inner"\] \| string\) \| null;/)
  })

  test('an untyped nullable field stays unknown, a bare `type: object` is an open object', async () => {
    const types = await render(
      documentWith({
        Thing: { type: 'object', properties: { loose: { nullable: true }, bag: { type: 'object' } } },
      }),
    )
    expect(types).toContain('loose?: unknown;')
    expect(types).toContain('bag?: Record<string, unknown>;')
  })
})

describe('what openapi-typescript cannot render stops generation with a pointer and the overlay fix', () => {
  test('`type: object` beside a string enum', async () => {
    const source = documentWith({
      Thing: {
        type: 'object',
        properties: { status: { type: 'object', enum: ['on', 'off'] } },
      },
    })
    const error = await rejection(validateSpecSource(REPO_ROOT, ACME, source, null))
    expect(error.file).toBe('specs/acme.yaml')
    expect(error.pointer).toBe('/components/schemas/Thing/properties/status')
    expect(error.reason).toContain('`type: object` beside an enum of string values')
    expect(error.reason).toContain('target: $.components.schemas.Thing.properties.status')
    expect(error.reason).toContain('update: { type: string }')
    expect(error.message).not.toMatch(/\n\s+at /)
  })

  test('a schema openapi-typescript rejects becomes a SpecError, never a stack trace', async () => {
    const source = documentWith({ Thing: { type: 'object', properties: { name: 'string' } } })
    const error = await rejection(render(source))
    expect(error.pointer).toBe('/components/schemas/Thing')
    expect(error.reason).toMatch(/^openapi-typescript cannot render this: .*Expected Schema Object/)
    expect(error.reason).toContain('specs/acme.overlay.yaml')
    expect(error.reason).toContain('target: $.components.schemas.Thing')
    expect(error.message).not.toMatch(/\n\s+at /)
  })

  test('an unresolved $ref is fatal even for a published document', async () => {
    const source = documentWith({ Thing: { $ref: '#/components/schemas/Missing' } })
    const error = await rejection(validateSpecSource(REPO_ROOT, ACME, source, null))
    expect(error.pointer).toBe('/components/schemas/Thing/$ref')
    expect(error.reason).toContain('no-unresolved-refs')
  })
})

describe('style findings never stop a published document', () => {
  test('missing summaries and 4xx responses are counted per redocly rule', async () => {
    const spec = await validateSpecSource(REPO_ROOT, ACME, documentWith({ Thing: { type: 'object' } }), null)
    expect(spec.strictAlias).toBeNull()
    expect(spec.findings.counts['operation-summary']).toBe(1)
    expect(spec.findings.counts['operation-4xx-response']).toBe(1)
  })
})
