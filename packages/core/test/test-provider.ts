import { type ClientOptions, createOpenApiClient, type ProviderDefinition } from '../src/index.js'

export const TEST_KEY = 'sk_test_5ecret_key_9000'

interface Item {
  id: string
  name: string
}

interface ErrorEnvelope {
  error: { code: string; message: string; request_id?: string; details?: unknown }
}

type JsonResponse<Body> = { headers: { [name: string]: unknown }; content: { 'application/json': Body } }

/** A hand-written slice of what openapi-typescript generates, enough to type a client. */
export interface TestPaths {
  '/items': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never }
    get: {
      parameters: { query?: { page?: number }; header?: never; path?: never; cookie?: never }
      requestBody?: never
      responses: { 200: JsonResponse<{ items: Item[] }>; default: JsonResponse<ErrorEnvelope> }
    }
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never }
      requestBody: { content: { 'application/json': { name: string } } }
      responses: { 201: JsonResponse<Item>; default: JsonResponse<ErrorEnvelope> }
    }
    put?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/items/{item_id}': {
    parameters: { query?: never; header?: never; path: { item_id: string }; cookie?: never }
    get: {
      parameters: { query?: never; header?: never; path: { item_id: string }; cookie?: never }
      requestBody?: never
      responses: { 200: JsonResponse<Item>; 404: JsonResponse<ErrorEnvelope> }
    }
    delete: {
      parameters: { query?: never; header?: never; path: { item_id: string }; cookie?: never }
      requestBody?: never
      responses: { 204: { headers: { [name: string]: unknown }; content?: never } }
    }
    put?: never
    post?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}

export const testProvider: ProviderDefinition = {
  provider: 'testprov',
  factoryName: 'createTestprovClient',
  envVar: 'TESTPROV_API_KEY',
  defaultBaseUrl: 'https://api.testprov.invalid/v1',
  authHeaders: (apiKey) => ({ 'X-API-Key': apiKey }),
  parseError(body) {
    const error = (body as Partial<ErrorEnvelope> | null)?.error
    if (typeof error !== 'object' || error === null) throw new Error('not an error envelope')
    return {
      code: error.code ?? null,
      message: error.message ?? null,
      details: error.details,
      requestId: error.request_id ?? null,
    }
  },
}

export function createTestClient(options: ClientOptions) {
  return createOpenApiClient<TestPaths>(testProvider, { apiKey: TEST_KEY, ...options })
}
