import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const CONSUMER_FIXTURE = join(import.meta.dirname, 'consumer-fixture')

export interface ConsumerStep {
  name: string
  /** A command and its arguments, run in the consumer folder. */
  run: string[]
}

export interface ConsumerFixture {
  install: string[]
  steps: ConsumerStep[]
}

/** Reads and checks `consumer.json` of a fixture folder. */
export function readConsumerFixture(directory: string): ConsumerFixture {
  const path = join(directory, 'consumer.json')
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as Partial<ConsumerFixture>
  const valid =
    Array.isArray(fixture.install) &&
    fixture.install.every((name) => typeof name === 'string') &&
    Array.isArray(fixture.steps) &&
    fixture.steps.every(
      (step) => typeof step.name === 'string' && Array.isArray(step.run) && step.run.length > 0,
    )
  if (!valid) throw new Error(`${path}: expected { install: string[], steps: { name, run: string[] }[] }`)
  return fixture as ConsumerFixture
}
