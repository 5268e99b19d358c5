import { describe, expect, it } from 'vitest'
import { describeFieldErrors, withFieldErrors } from '../src/index.js'

describe('describeFieldErrors', () => {
  it.each([
    [
      'a field map (Django REST framework)',
      { name: ['This field is required.'] },
      'name: This field is required.',
    ],
    [
      'nested per item',
      { contacts: [{}, { phone_number: ['invalid'] }] },
      'contacts[1].phone_number: invalid',
    ],
    [
      'pydantic loc/msg',
      [{ loc: ['body', 'contacts', 0, 'phone_number'], msg: 'invalid' }],
      'contacts[0].phone_number: invalid',
    ],
    ['field/message objects', { errors: [{ field: 'name', message: 'too long' }] }, 'name: too long'],
    [
      'strings that already name the field',
      ['contacts[0].phone_number: invalid'],
      'contacts[0].phone_number: invalid',
    ],
    [
      'non-field errors',
      { non_field_errors: ['window ends before it starts'] },
      'window ends before it starts',
    ],
    ['nothing', { count: 3 }, ''],
  ])('%s', (_, details, expected) => {
    expect(describeFieldErrors(details)).toBe(expected)
  })

  it('names the first three and counts the rest', () => {
    const details = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`f${index}`, ['bad']]))
    expect(describeFieldErrors(details)).toBe('f0: bad; f1: bad; f2: bad (and 2 more)')
  })

  it('is bounded on a hostile body', () => {
    let deep: unknown = ['x']
    for (let index = 0; index < 50_000; index++) deep = [deep]
    expect(() => describeFieldErrors(deep)).not.toThrow()
    expect(describeFieldErrors(Array.from({ length: 1e6 }, () => ({})))).toBe('')
  })
})

describe('withFieldErrors', () => {
  it('appends to a 4xx message only', () => {
    const details = { name: ['required'] }
    expect(withFieldErrors('Validation failed', details, 422)).toBe('Validation failed: name: required')
    expect(withFieldErrors(null, details, 400)).toBe('name: required')
    expect(withFieldErrors('Boom', details, 500)).toBe('Boom')
  })
})
