import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type ConsumerStep, readConsumerFixture } from './consumer-fixture.ts'
import { assertSucceeded, outputTail, runCommand } from './run-command.ts'

export interface StepResult {
  name: string
  passed: boolean
  seconds: number
  /** The end of the step's output, when it failed. */
  output: string
}

const STEP_TIMEOUT_MS = 180_000
const NOT_COPIED = new Set(['consumer.json', 'README.md'])

async function runStep(
  step: ConsumerStep,
  directory: string,
  environment: NodeJS.ProcessEnv,
): Promise<StepResult> {
  const started = performance.now()
  const [command = 'node', ...args] = step.run
  const result = await runCommand(command, args, {
    cwd: directory,
    env: environment,
    timeoutMs: STEP_TIMEOUT_MS,
  })
  return {
    name: step.name,
    passed: result.code === 0,
    seconds: (performance.now() - started) / 1000,
    output: result.code === 0 ? '' : outputTail(result, 40),
  }
}

/**
 * A fresh npm project in `directory` (outside the repository): `npm init -y`, an .npmrc for the
 * local registry, `npm install` of the fixture's list, the fixture's files, then each step.
 */
export async function runConsumer(
  fixtureDirectory: string,
  directory: string,
  registryUrl: string,
  environment: NodeJS.ProcessEnv,
): Promise<StepResult[]> {
  const fixture = readConsumerFixture(fixtureDirectory)
  mkdirSync(directory, { recursive: true })
  assertSucceeded(
    await runCommand('npm', ['init', '-y'], { cwd: directory, env: environment }),
    'npm init -y',
  )
  writeFileSync(join(directory, '.npmrc'), `registry=${registryUrl}\n`)
  assertSucceeded(
    await runCommand('npm', ['install', '--save-exact', ...fixture.install], {
      cwd: directory,
      env: environment,
      timeoutMs: 300_000,
    }),
    `npm install ${fixture.install.join(' ')} from ${registryUrl}`,
  )
  cpSync(fixtureDirectory, directory, {
    recursive: true,
    filter: (source) => source === fixtureDirectory || !NOT_COPIED.has(basename(source)),
  })
  const results: StepResult[] = []
  for (const step of fixture.steps) results.push(await runStep(step, directory, environment))
  return results
}
