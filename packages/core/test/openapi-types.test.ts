import { describe, expectTypeOf, it } from 'vitest'
import type {
  GetInit,
  GetResponseBody,
  PaginateArguments,
  PaginateOptions,
  PathsWithGetBody,
} from '../src/index.js'
import type { TestPaths } from './test-provider.js'

describe('type helpers for provider clients', () => {
  it('finds the GET paths whose body fits a shape', () => {
    expectTypeOf<PathsWithGetBody<TestPaths, { items: unknown[] }>>().toEqualTypeOf<'/items'>()
    expectTypeOf<PathsWithGetBody<TestPaths, { id: string }>>().toEqualTypeOf<'/items/{item_id}'>()
    expectTypeOf<PathsWithGetBody<TestPaths, { results: unknown[] }>>().toBeNever()
  })

  it('matches pages whose properties are readOnly (openapi-typescript `$Read` markers)', () => {
    type Read<T> = { readonly $read: T }
    type Get<Body> = {
      get: { responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': Body } } } }
    }
    type ReadOnlyPaths = {
      '/invoices': Get<{ results: Read<string[]>; next: Read<string | null> }>
      '/invoice': Get<{ id: Read<string> }>
      '/plain': Get<{ results: string[]; next?: string | null }>
    }
    expectTypeOf<
      PathsWithGetBody<ReadOnlyPaths, { results: unknown[]; next?: string | null }>
    >().toEqualTypeOf<'/invoices' | '/plain'>()
  })

  it('reads the success body of a GET', () => {
    expectTypeOf<GetResponseBody<TestPaths, '/items/{item_id}'>>().toEqualTypeOf<{
      id: string
      name: string
    }>()
  })

  it('makes init optional only when nothing in it is required', () => {
    type ListArguments = PaginateArguments<GetInit<TestPaths, '/items'>>
    type ItemArguments = PaginateArguments<GetInit<TestPaths, '/items/{item_id}'>>
    expectTypeOf<[]>().toExtend<ListArguments>()
    expectTypeOf<[undefined, PaginateOptions]>().toExtend<ListArguments>()
    expectTypeOf<[]>().not.toExtend<ItemArguments>()
    expectTypeOf<[{ params: { path: { item_id: string } } }]>().toExtend<ItemArguments>()
    expectTypeOf<[{ params: { path: { item: string } } }]>().not.toExtend<ItemArguments>()
  })
})
