import { parseArgs } from 'node:util'
import { DEFAULT_TIMEOUT_MS, pullSpecs } from './specs-pull/pull-specs.ts'

const USAGE = `usage: pnpm specs:pull [provider ...] [--source <provider>=<url or file>]... [--timeout-ms <ms>]

Downloads each spec from where it records it is published (its overlay's \`extends\`, else
info.x-voicebatch-source), applies the overlay and validates it like \`pnpm generate\` does, and
only when it is valid and different writes specs/<provider>.(yaml|json) (a published document
unmodified) with its regenerated types package and changeset. An overlay action that no longer
matches fails the spec, naming the action, and nothing is written for it.
--source replaces the recorded place (a mirror, a local server, a file). Exits 1 when any spec failed.`

function parseSources(values: string[]): Record<string, string> {
  const sources: Record<string, string> = {}
  for (const value of values) {
    const match = /^([a-z][a-z0-9-]*)=(.+)$/.exec(value)
    if (!match?.[1] || !match[2])
      throw new Error(`--source ${value}: expected <provider>=<http(s) url or file path>`)
    sources[match[1]] = match[2]
  }
  return sources
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string', multiple: true, default: [] },
      'timeout-ms': { type: 'string', default: String(DEFAULT_TIMEOUT_MS) },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const timeoutMs = Number(values['timeout-ms'])
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new Error('--timeout-ms: expected a positive integer')
  const results = await pullSpecs(process.cwd(), {
    only: positionals,
    sources: parseSources(values.source),
    timeoutMs,
  })
  for (const result of results) {
    console.log(`${result.name.padEnd(12)} ${result.status.padEnd(9)} ${result.detail}`)
  }
  const failed = results.filter((result) => result.status === 'failed')
  if (failed.length > 0) {
    console.error(
      `${failed.length} spec(s) failed and were left as they were: ${failed.map((result) => result.name).join(', ')}`,
    )
    return 1
  }
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`)
    process.exitCode = 1
  },
)
