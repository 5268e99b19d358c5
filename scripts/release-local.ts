import { parseArgs } from 'node:util'
import { releaseLocal } from './release/release-local.ts'

const USAGE = `usage: pnpm release:local [--no-build]

Publishes every package to a throwaway Verdaccio on 127.0.0.1 through \`changeset publish\`, installs
them with npm into a fresh folder and runs scripts/release/consumer-fixture/consumer.json's steps.`

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const report = await releaseLocal({
    root: process.cwd(),
    build: !values['no-build'],
    log: (line) => console.log(`▸ ${line}`),
  })
  let failed = 0
  for (const step of report.steps) {
    console.log(`${step.passed ? '✓' : '✗'} ${step.name}  ${step.seconds.toFixed(1)} s`)
    if (!step.passed) {
      failed += 1
      console.log(`    ${step.output.replace(/\n/g, '\n    ')}`)
    }
  }
  console.log(
    `timings (s): ${Object.entries(report.timings)
      .map(([name, seconds]) => `${name} ${seconds}`)
      .join(', ')}`,
  )
  console.log(failed === 0 ? 'release:local passed' : `release:local: ${failed} step(s) failed`)
  return failed === 0 ? 0 : 1
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`error: ${(error as Error).message}`)
    process.exitCode = 1
  },
)
