/**
 * A large OpenAPI 3.1 document built from a seed, the same bytes every run: hundreds of paths and
 * schemas with `$ref`s, enums, nullable types, `allOf`, readOnly/writeOnly properties and long
 * descriptions, so generator timings have a multi-megabyte input no provider has published yet.
 */

/** mulberry32: a small seeded generator, enough for varied but repeatable shapes. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS =
  'call batch agent voice number campaign status schedule retry window region carrier transcript recording webhook account limit queue priority result'.split(
    ' ',
  )

export interface SyntheticOptions {
  seed: number
  schemas: number
  resources: number
}

export function synthesizeOpenApi({ seed, schemas, resources }: SyntheticOptions): Record<string, unknown> {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ')
  const name = (index: number) => `Model${index}`
  const ref = (index: number) => ({ $ref: `#/components/schemas/${name(index)}` })
  const earlier = (index: number) => Math.floor(next() * index)

  const components: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['invalid', 'not_found', 'conflict'] },
        message: { type: 'string' },
      },
    },
  }
  for (let index = 0; index < schemas; index++) {
    const properties: Record<string, unknown> = {
      id: { type: 'string', format: 'uuid', readOnly: true, description: words(12) },
      created: { type: 'string', format: 'date-time', readOnly: true },
      secret: { type: 'string', writeOnly: true, minLength: 8, description: words(10) },
    }
    const count = 6 + Math.floor(next() * 10)
    for (let field = 0; field < count; field++) {
      const key = `${pick(WORDS)}_${field}`
      const kind = next()
      properties[key] =
        kind < 0.2
          ? { type: 'string', enum: Array.from({ length: 3 + (field % 4) }, (_, i) => `${pick(WORDS)}_${i}`) }
          : kind < 0.35
            ? { type: ['integer', 'null'], minimum: 0, description: words(8) }
            : kind < 0.5 && index > 0
              ? ref(earlier(index))
              : kind < 0.6 && index > 0
                ? { type: 'array', items: ref(earlier(index)), description: words(6) }
                : kind < 0.7 && index > 0
                  ? { anyOf: [ref(earlier(index)), { type: 'null' }] }
                  : kind < 0.8
                    ? { type: 'boolean', default: false, description: words(6) }
                    : { type: ['string', 'null'], maxLength: 200, description: words(16) }
    }
    const own = {
      type: 'object',
      description: words(30),
      required: ['id', ...Object.keys(properties).slice(3, 5)],
      properties,
    }
    components[name(index)] = index > 0 && next() < 0.3 ? { allOf: [ref(earlier(index)), own] } : own
  }

  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  })
  const json = (schema: unknown) => ({ 'application/json': { schema } })
  const paths: Record<string, unknown> = {}
  for (let index = 0; index < resources; index++) {
    const model = Math.floor(next() * schemas)
    const resource = `/v1/${pick(WORDS)}s-${index}`
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
    const errors = { '400': error(words(5)), '404': error(words(5)) }
    paths[resource] = {
      get: {
        operationId: `list${index}`,
        summary: words(6),
        description: words(40),
        parameters: [
          { name: 'cursor', in: 'query', schema: { type: ['string', 'null'] } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
        ],
        responses: {
          '200': {
            description: words(5),
            content: json({
              type: 'object',
              required: ['results'],
              properties: {
                next: { type: ['string', 'null'], readOnly: true },
                results: { type: 'array', items: ref(model), readOnly: true },
              },
            }),
          },
          ...errors,
        },
      },
      post: {
        operationId: `create${index}`,
        summary: words(6),
        requestBody: { required: true, content: json(ref(model)) },
        responses: { '201': { description: words(5), content: json(ref(model)) }, ...errors },
      },
    }
    paths[`${resource}/{id}`] = {
      parameters: [id],
      get: {
        operationId: `get${index}`,
        summary: words(6),
        responses: { '200': { description: words(5), content: json(ref(model)) }, ...errors },
      },
      patch: {
        operationId: `update${index}`,
        summary: words(6),
        requestBody: { content: json(ref(model)) },
        responses: { '200': { description: words(5), content: json(ref(model)) }, ...errors },
      },
      delete: {
        operationId: `delete${index}`,
        summary: words(6),
        responses: { '204': { description: words(5) }, ...errors },
      },
    }
  }

  return {
    openapi: '3.1.0',
    info: { title: 'Synthetic voice API', version: `1.0.${seed}`, description: words(50) },
    servers: [{ url: 'https://api.example.invalid' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  }
}
