import { expect, test } from 'vitest'
import { OPTIMIZE_ABOVE_BYTES, redoclyNodeFlags } from '../spec-diff/redocly-cli.ts'

test("the redocly CLI runs without V8's background threads, and without its optimizing compiler up to 1 MB of documents", () => {
  expect(redoclyNodeFlags(25_000)).toEqual(['--no-opt', '--single-threaded'])
  expect(redoclyNodeFlags(OPTIMIZE_ABOVE_BYTES)).toEqual(['--no-opt', '--single-threaded'])
  expect(redoclyNodeFlags(OPTIMIZE_ABOVE_BYTES + 1)).toEqual(['--single-threaded'])
  expect(redoclyNodeFlags(3_200_000)).toEqual(['--single-threaded'])
})
