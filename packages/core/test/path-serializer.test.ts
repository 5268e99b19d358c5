import { describe, expect, it } from 'vitest'
import { createPathSerializer, InvalidParameterError } from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient } from './test-provider.js'

async function setup() {
  const server = await startServer((_, response) => sendJson(response, 200, { id: '1', name: 'a' }))
  return { server, client: createTestClient({ baseUrl: `${server.url}/v1` }) }
}

describe('path parameters', () => {
  it.each([
    ['missing', {}],
    ['undefined', { item_id: undefined }],
    ['null', { item_id: null }],
    ['empty', { item_id: '' }],
    ['..', { item_id: '..' }],
    ['.', { item_id: '.' }],
    ['an object', { item_id: { id: 1 } }],
  ])('rejects a %s parameter before any request', async (_, path) => {
    const { server, client } = await setup()
    const error = await client
      .GET('/items/{item_id}', { params: { path: path as { item_id: string } } })
      .catch((caught: unknown) => caught)
    expect(InvalidParameterError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ parameter: 'item_id', path: '/v1/items/{item_id}' })
    expect((error as Error).message).toMatch(/^Path parameter "item_id" .+ in \/v1\/items\/\{item_id\}$/)
    expect(server.requests).toHaveLength(0)
  })

  it('rejects a template whose parameters were all left out', async () => {
    const { server, client } = await setup()
    // @ts-expect-error: params are required by the types; plain JavaScript callers can still forget them.
    const error = await client.GET('/items/{item_id}').catch((caught: unknown) => caught)
    expect(InvalidParameterError.isInstance(error)).toBe(true)
    // @ts-expect-error: the same through client.request()
    const viaRequest = await client.request('get', '/items/{item_id}').catch((caught: unknown) => caught)
    expect(InvalidParameterError.isInstance(viaRequest)).toBe(true)
    expect(server.requests).toHaveLength(0)
  })

  it.each([
    ['a/b', '/v1/items/a%2Fb'],
    ['hello world', '/v1/items/hello%20world'],
    ['../admin', '/v1/items/..%2Fadmin'],
    ['50%?#', '/v1/items/50%25%3F%23'],
    ['ünï', '/v1/items/%C3%BCn%C3%AF'],
  ])('encodes %j as one segment', async (value, expected) => {
    const { server, client } = await setup()
    await client.GET('/items/{item_id}', { params: { path: { item_id: value } } })
    expect(server.requests[0]?.url).toBe(expected)
  })

  it('stringifies numbers and booleans', () => {
    const serialize = createPathSerializer()
    expect(serialize('/a/{n}/{b}', { n: 42, b: false })).toBe('/a/42/false')
    expect(() => serialize('/a/{n}', { n: Number.NaN })).toThrow(InvalidParameterError)
  })

  it.each([
    ['http://127.0.0.1:1/a/{x}/b/{y}', 'http://127.0.0.1:1/a/1/b/two%2F2'],
    ['/a/{x}{y}', '/a/1two%2F2'],
    ['/{x}', '/1'],
    ['/a/{}/b', '/a/{}/b'],
    ['/a/{x/b', '/a/{x/b'],
    ['/a/x}/b', '/a/x}/b'],
    ['/a/{z{x}', '/a/{z1'],
    ['/a/{{x}}', '/a/{1}'],
    ['/a/b', '/a/b'],
  ])('fills %j as a `{name}` pattern would', (template, expected) => {
    const serialize = createPathSerializer()
    expect(serialize(template, { x: 1, y: 'two/2' })).toBe(expected)
  })
})
