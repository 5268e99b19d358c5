import { describe, expect, it } from 'vitest'
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  createApiError,
  InternalServerError,
  InvalidParameterError,
  InvalidResponseError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  TimeoutError,
  UnprocessableEntityError,
  VoiceBatchError,
} from '../src/index.js'

const apiError = (status: number, extra: Partial<Parameters<typeof createApiError>[0]> = {}) =>
  createApiError({
    provider: 'truedy',
    status,
    code: 'some_code',
    message: 'Something happened',
    details: { field: 'x' },
    requestId: 'req_123',
    headers: new Headers({ 'retry-after': '7' }),
    body: { error: 'raw' },
    ...extra,
  })

describe('createApiError', () => {
  it.each([
    [400, BadRequestError, false],
    [401, AuthenticationError, false],
    [403, PermissionDeniedError, false],
    [404, NotFoundError, false],
    [408, ApiError, true],
    [409, ConflictError, true],
    [418, ApiError, false],
    [422, UnprocessableEntityError, false],
    [429, RateLimitError, true],
    [500, InternalServerError, true],
    [502, InternalServerError, true],
    [503, InternalServerError, true],
  ])('maps %i to %o (retryable: %s)', (status, errorClass, retryable) => {
    const error = apiError(status)
    expect(error.constructor).toBe(errorClass)
    expect(error.name).toBe(errorClass.name)
    expect(errorClass.isInstance(error)).toBe(true)
    expect(ApiError.isInstance(error)).toBe(true)
    expect(VoiceBatchError.isInstance(error)).toBe(true)
    expect(error).toBeInstanceOf(Error)
    expect(error.isRetryable).toBe(retryable)
    expect(error.status).toBe(status)
  })

  it('says what happened and where', () => {
    const error = createApiError({
      provider: 'truedy',
      status: 404,
      code: 'not_found',
      message: 'Batch call not found',
      details: null,
      requestId: 'req_123',
      headers: new Headers(),
      body: {},
    })
    expect(error.message).toBe('truedy: 404 not_found: Batch call not found (request req_123)')
    const bare = createApiError({
      ...error,
      code: null,
      message: null,
      requestId: null,
      headers: new Headers(),
    })
    expect(bare.message).toBe('truedy: 404: HTTP 404')
  })

  it('reads Retry-After into RateLimitError.retryAfterMs', () => {
    const error = apiError(429)
    expect(RateLimitError.isInstance(error) && error.retryAfterMs).toBe(7000)
    expect(apiError(429, { headers: new Headers() }).toJSON()).toMatchObject({ retryAfterMs: null })
  })

  it('serialises the public fields only', () => {
    const error = apiError(404)
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NotFoundError',
      message: 'truedy: 404 some_code: Something happened (request req_123)',
      status: 404,
      code: 'some_code',
      details: { field: 'x' },
      requestId: 'req_123',
      provider: 'truedy',
      body: { error: 'raw' },
    })
    expect(error.headers.get('retry-after')).toBe('7')
  })

  it('redacts secrets from the message, details and body', () => {
    const secret = 'sk_live_abcdef123456'
    const error = apiError(401, {
      message: `Invalid key ${secret}`,
      details: { key: secret, nested: [`x${secret}x`] },
      body: `<html>${secret}</html>`,
      secrets: [secret],
    })
    const everything = `${error.message} ${JSON.stringify(error)} ${error.stack}`
    expect(everything).not.toContain(secret)
    expect(error.message).toBe('truedy: 401 some_code: Invalid key [redacted] (request req_123)')
    expect(error.details).toEqual({ key: '[redacted]', nested: ['x[redacted]x'] })
  })
})

describe('isInstance', () => {
  it('recognises errors from a duplicate install by their Symbol.for marker, not instanceof', () => {
    // What another copy of @voicebatch/core would create: unrelated classes, same markers.
    const foreignPrototype = Object.create(Error.prototype, {
      [Symbol.for('voicebatch.error.VoiceBatchError')]: { value: true },
      [Symbol.for('voicebatch.error.ApiError')]: { value: true },
      [Symbol.for('voicebatch.error.NotFoundError')]: { value: true },
    })
    const foreign = Object.create(foreignPrototype)
    expect(foreign instanceof NotFoundError).toBe(false)
    expect(NotFoundError.isInstance(foreign)).toBe(true)
    expect(ApiError.isInstance(foreign)).toBe(true)
    expect(VoiceBatchError.isInstance(foreign)).toBe(true)
    expect(RateLimitError.isInstance(foreign)).toBe(false)
    expect(TimeoutError.isInstance(foreign)).toBe(false)
  })

  it('rejects everything else', () => {
    for (const value of [null, undefined, 42, 'NotFoundError', new Error('x'), { name: 'NotFoundError' }]) {
      expect(NotFoundError.isInstance(value)).toBe(false)
      expect(VoiceBatchError.isInstance(value)).toBe(false)
    }
    expect(NotFoundError.isInstance(apiError(400))).toBe(false)
  })

  it('works unbound, as a callback', () => {
    const errors: unknown[] = [apiError(404), apiError(500), new Error('x')]
    const notFound: NotFoundError[] = errors.filter(NotFoundError.isInstance)
    expect(notFound).toHaveLength(1)
    expect(errors.filter(ApiError.isInstance)).toHaveLength(2)
  })

  it('keeps timeout and caller abort apart', () => {
    const timeout = new TimeoutError({ provider: 'p', message: 'm', timeoutMs: 5 })
    const aborted = new RequestAbortedError({ provider: 'p', message: 'm' })
    expect(TimeoutError.isInstance(aborted)).toBe(false)
    expect(RequestAbortedError.isInstance(timeout)).toBe(false)
    expect(timeout.isRetryable).toBe(true)
    expect(aborted.isRetryable).toBe(false)
  })
})

describe('other errors', () => {
  it.each([
    [
      new ConnectionError({ provider: 'p', message: 'm', cause: new Error('ECONNRESET') }),
      'ConnectionError',
      true,
    ],
    [new TimeoutError({ provider: 'p', message: 'm', timeoutMs: 5 }), 'TimeoutError', true],
    [new RequestAbortedError({ provider: 'p', message: 'm' }), 'RequestAbortedError', false],
    [
      new InvalidResponseError({ provider: 'p', message: 'm', status: 200, snippet: '<html>' }),
      'InvalidResponseError',
      false,
    ],
    [new ConfigurationError('m'), 'ConfigurationError', false],
    [
      new InvalidParameterError({ message: 'm', parameter: 'id', path: '/x/{id}' }),
      'InvalidParameterError',
      false,
    ],
    [new PaginationError('m'), 'PaginationError', false],
  ])('%o has its name, isRetryable and toJSON', (error, name, retryable) => {
    expect(error.name).toBe(name)
    expect(error.isRetryable).toBe(retryable)
    expect(VoiceBatchError.isInstance(error)).toBe(true)
    expect(ApiError.isInstance(error)).toBe(false)
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name, message: 'm' })
    expect(String(error)).toBe(`${name}: m`)
  })
})
