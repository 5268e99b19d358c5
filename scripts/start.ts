import { runStep } from './start/run-step.ts'

/**
 * `pnpm start`: regenerate the types, build every package, run the demo. One line per step with
 * its time; a step's full log only when it fails. The demo's own output shows as it runs.
 */
const steps = [
  { name: 'generate', command: ['pnpm', '--silent', 'generate'], capture: true },
  { name: 'build', command: ['pnpm', 'exec', 'turbo', 'run', 'build'], capture: true },
  { name: 'demo', command: ['pnpm', '--silent', 'demo', ...process.argv.slice(2)], capture: false },
]

for (const step of steps) {
  if (!step.capture) console.log(`▶ ${step.name}\n`)
  const [command = '', ...args] = step.command
  const result = await runStep(command, args, step.capture)
  const time = `${result.seconds.toFixed(1)} s`
  if (!result.ok) {
    if (result.output) process.stderr.write(`${result.output.trimEnd()}\n\n`)
    console.error(`✗ ${step.name} failed after ${time} (${step.command.join(' ')})`)
    process.exit(1)
  }
  console.log(`${step.capture ? '' : '\n'}✓ ${step.name.padEnd(8)} ${time.padStart(8)}`)
}
