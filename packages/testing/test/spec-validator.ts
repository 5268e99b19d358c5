// Validates HTTP responses against the provider's OpenAPI document in specs/: the status must be
// declared for the operation, the content type must be a declared one, the body must match the
// declared schema ($refs resolved, OpenAPI 3.0 `nullable` turned into null unions, writeOnly
// properties forbidden), and declared response headers must be present and well-formed.
import { existsSync, readFileSync } from 'node:fs'
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'
import { applyOverlay, checkOverlayDocument } from '../../../scripts/generate/apply-overlay.ts'

export type SpecProvider = 'ultravox' | 'techladder' | 'truedy'

// ajv and ajv-formats are CommonJS: under NodeNext the default import is `module.exports`,
// whose `default` property is the class / plugin itself.
const Ajv2020 = Ajv2020Module.default
const addFormats = addFormatsModule.default

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The schema each provider uses for errors, for statuses no operation declares. */
const ERROR_SCHEMAS: Record<SpecProvider, string> = {
  ultravox: 'ErrorDetail',
  techladder: 'ErrorEnvelope',
  truedy: 'ErrorResponse',
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

export interface ResponseUnderTest {
  readonly method: string
  /** The full request URL. */
  readonly url: string
  readonly status: number
  readonly headers: Headers
  /** The raw body text. */
  readonly text: string
}

export interface ValidateOptions {
  /**
   * A status the operation does not declare is an error, unless this is set: then the body is
   * checked against the response other operations declare for that status, or the provider's
   * error schema. For injected faults and documented spec gaps only.
   */
  readonly allowUndeclaredStatus?: boolean
}

export interface ValidatedResponse {
  /** `METHOD template`, e.g. `GET /call-batches/{batch_id}`. */
  readonly operation: string
  readonly operationId: string
  /** True when the status was not declared (allowed by `allowUndeclaredStatus`). */
  readonly undeclared: boolean
}

export class SpecViolation extends Error {
  override name = 'SpecViolation'
}

/** Rewrites a spec for response validation: local refs become absolute, 3.0 nullables become unions. */
function prepareSchema(node: Json, provider: SpecProvider, openApi30: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => prepareSchema(item, provider, openApi30))
  if (!isObject(node)) return node
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      out.$ref = `${schemaUri(provider, value.slice('#/components/schemas/'.length))}`
    } else if (key === 'example' || (openApi30 && key === 'nullable')) {
      // `example` is an annotation ajv does not know; `nullable` is handled below.
    } else {
      out[key] = prepareSchema(value, provider, openApi30)
    }
  }
  // writeOnly properties are what requests send: a response must not contain them.
  if (isObject(out.properties)) {
    const properties = out.properties
    const writeOnly = Object.keys(properties).filter(
      (name) => isObject(properties[name]) && properties[name].writeOnly === true,
    )
    if (writeOnly.length > 0) {
      out.properties = { ...properties, ...Object.fromEntries(writeOnly.map((name) => [name, false])) }
      if (Array.isArray(out.required))
        out.required = out.required.filter((name) => !writeOnly.includes(name as string))
    }
  }
  if (openApi30 && node.nullable === true) return { anyOf: [{ type: 'null' }, out] }
  return out
}

function schemaUri(provider: SpecProvider, name: string): string {
  return `urn:voicebatch:${provider}:schemas:${encodeURIComponent(name)}`
}

interface Operation {
  readonly method: string
  readonly template: string
  readonly segments: readonly string[]
  readonly operationId: string
  readonly responses: JsonObject
}

interface LoadedSpec {
  readonly provider: SpecProvider
  readonly document: JsonObject
  readonly basePath: string
  readonly operations: readonly Operation[]
  readonly ajv: InstanceType<typeof Ajv2020>
  readonly validators: Map<string, ValidateFunction>
}

const loaded = new Map<SpecProvider, LoadedSpec>()

export function specPath(provider: SpecProvider): URL {
  return new URL(`../../../specs/${provider}.yaml`, import.meta.url)
}

/** Each spec as the types are generated from it: with its overlay (our additions) applied. */
async function overlaidDocument(provider: SpecProvider): Promise<JsonObject> {
  const document = parse(readFileSync(specPath(provider), 'utf8')) as JsonObject
  const overlay = new URL(`../../../specs/${provider}.overlay.yaml`, import.meta.url)
  if (!existsSync(overlay)) return document
  const file = `specs/${provider}.overlay.yaml`
  const actions = checkOverlayDocument(file, parse(readFileSync(overlay, 'utf8')))
  return (await applyOverlay(`specs/${provider}.yaml`, document, file, actions)) as JsonObject
}

const documents = new Map<SpecProvider, JsonObject>(
  await Promise.all(
    (['ultravox', 'techladder', 'truedy'] as const).map(
      async (provider) => [provider, await overlaidDocument(provider)] as const,
    ),
  ),
)

/**
 * The operations each mock speaks. Ultravox publishes its whole API; the mock speaks the
 * scheduled-batch surface, without `created_calls` (its Call objects are not modelled).
 */
const MOCKED: Record<SpecProvider, (template: string) => boolean> = {
  ultravox: (template) =>
    template.startsWith('/api/agents/{agent_id}/scheduled_batches') && !template.endsWith('/created_calls'),
  techladder: () => true,
  truedy: () => true,
}

function load(provider: SpecProvider): LoadedSpec {
  const cached = loaded.get(provider)
  if (cached) return cached
  const document = documents.get(provider) as JsonObject
  const version = String(document.openapi)
  const openApi30 = version.startsWith('3.0')
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true })
  addFormats(ajv)
  ajv.addFormat('enum', true) // Ultravox marks protobuf enums `format: enum`: an annotation.
  ajv.addVocabulary(['xml', 'externalDocs', 'discriminator'])

  const components = isObject(document.components) ? document.components : {}
  const schemas = isObject(components.schemas) ? components.schemas : {}
  for (const [name, schema] of Object.entries(schemas)) {
    const prepared = prepareSchema(schema, provider, openApi30)
    if (!isObject(prepared)) throw new SpecViolation(`${provider}: schema ${name} is not an object`)
    ajv.addSchema({ ...prepared, $id: schemaUri(provider, name) })
  }

  const servers = Array.isArray(document.servers) ? document.servers : []
  const firstServer = servers[0]
  const basePath = isObject(firstServer) ? new URL(String(firstServer.url)).pathname.replace(/\/$/, '') : ''
  const operations: Operation[] = []
  const paths = isObject(document.paths) ? document.paths : {}
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item) || !MOCKED[provider](template)) continue
    for (const method of HTTP_METHODS) {
      const operation = item[method]
      if (!isObject(operation)) continue
      operations.push({
        method: method.toUpperCase(),
        template,
        segments: template.split('/'),
        operationId: String(operation.operationId ?? `${method} ${template}`),
        responses: isObject(operation.responses) ? operation.responses : {},
      })
    }
  }
  // Literal segments win over parameters: /batch-calls/bulk-delete before /batch-calls/{id}.
  operations.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0))
  const spec: LoadedSpec = { provider, document, basePath, operations, ajv, validators: new Map() }
  loaded.set(provider, spec)
  return spec
}

/** Every operation of a spec, as `METHOD template (operationId)`. */
export function operationsOf(provider: SpecProvider): string[] {
  return load(provider).operations.map((operation) => `${operation.method} ${operation.template}`)
}

function resolve(spec: LoadedSpec, node: Json | undefined): Json | undefined {
  let current = node
  for (let depth = 0; isObject(current) && typeof current.$ref === 'string' && depth < 10; depth++) {
    const pointer = current.$ref.replace(/^#\//, '').split('/')
    let target: Json | undefined = spec.document
    for (const part of pointer)
      target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
    current = target
  }
  return current
}

function findOperation(spec: LoadedSpec, method: string, pathname: string): Operation {
  if (!pathname.startsWith(spec.basePath)) {
    throw new SpecViolation(
      `${method} ${pathname} is outside the ${spec.provider} base path ${spec.basePath}`,
    )
  }
  const segments = pathname.slice(spec.basePath.length).split('/')
  for (const operation of spec.operations) {
    if (operation.method !== method.toUpperCase() || operation.segments.length !== segments.length) continue
    const fits = operation.segments.every((part, index) => /^\{.+\}$/.test(part) || part === segments[index])
    if (fits) return operation
  }
  throw new SpecViolation(`${spec.provider} declares no operation for ${method} ${pathname}`)
}

/** The response object other operations declare for a status, for undeclared statuses. */
function sharedResponse(spec: LoadedSpec, status: number): Json | undefined {
  for (const operation of spec.operations) {
    const response = operation.responses[String(status)]
    if (response !== undefined) return response
  }
  return undefined
}

function validatorFor(spec: LoadedSpec, key: string, schema: Json): ValidateFunction {
  const cached = spec.validators.get(key)
  if (cached) return cached
  const prepared = prepareSchema(schema, spec.provider, String(spec.document.openapi).startsWith('3.0'))
  const validate = spec.ajv.compile(isObject(prepared) ? prepared : { allOf: [prepared] })
  spec.validators.set(key, validate)
  return validate
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 8)
    .map((error) => `  ${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
    .join('\n')
}

function checkHeaders(
  spec: LoadedSpec,
  response: ResponseUnderTest,
  declared: Json | undefined,
  where: string,
): void {
  if (!isObject(declared)) return
  for (const [name, header] of Object.entries(declared)) {
    const value = response.headers.get(name)
    if (value === null) throw new SpecViolation(`${where}: declared header ${name} is missing`)
    const schema = resolve(spec, (resolve(spec, header) as JsonObject | undefined)?.schema)
    if (isObject(schema) && schema.type === 'integer' && !/^-?\d+$/.test(value)) {
      throw new SpecViolation(`${where}: header ${name} should be an integer, got ${JSON.stringify(value)}`)
    }
  }
}

/** Throws a {@link SpecViolation} unless the response is what the spec declares. */
export function validateResponse(
  provider: SpecProvider,
  response: ResponseUnderTest,
  options: ValidateOptions = {},
): ValidatedResponse {
  const spec = load(provider)
  const url = new URL(response.url)
  const operation = findOperation(spec, response.method, url.pathname)
  const where = `${provider} ${operation.operationId} ${response.status}`
  const status = String(response.status)
  let declared =
    operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default
  let undeclared = false
  if (declared === undefined) {
    if (!options.allowUndeclaredStatus) {
      throw new SpecViolation(
        `${where}: status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})\n${response.text.slice(0, 500)}`,
      )
    }
    undeclared = true
    declared = sharedResponse(spec, response.status) ?? {
      content: {
        'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMAS[provider]}` } },
      },
    }
  }
  const responseObject = resolve(spec, declared)
  if (!isObject(responseObject)) throw new SpecViolation(`${where}: unresolvable response object`)
  checkHeaders(spec, response, responseObject.headers, where)

  const content = isObject(responseObject.content) ? responseObject.content : undefined
  if (!content) {
    if (response.text !== '')
      throw new SpecViolation(
        `${where}: no content is declared, got ${JSON.stringify(response.text.slice(0, 200))}`,
      )
    return {
      operation: `${operation.method} ${operation.template}`,
      operationId: operation.operationId,
      undeclared,
    }
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const media = content[contentType]
  if (!isObject(media)) {
    throw new SpecViolation(
      `${where}: content type ${JSON.stringify(contentType)} is not one of ${Object.keys(content).join(', ')}`,
    )
  }
  let body: unknown
  try {
    body = JSON.parse(response.text)
  } catch {
    throw new SpecViolation(`${where}: the body is not JSON: ${JSON.stringify(response.text.slice(0, 200))}`)
  }
  if (media.schema === undefined)
    return {
      operation: `${operation.method} ${operation.template}`,
      operationId: operation.operationId,
      undeclared,
    }
  const validate = validatorFor(
    spec,
    `${operation.operationId} ${status} ${contentType} ${undeclared}`,
    media.schema,
  )
  if (!validate(body)) {
    throw new SpecViolation(
      `${where}: the body does not match the spec:\n${describeErrors(validate.errors)}\n${response.text.slice(0, 800)}`,
    )
  }
  return {
    operation: `${operation.method} ${operation.template}`,
    operationId: operation.operationId,
    undeclared,
  }
}
