import type { SmokeConfig, SmokeReport } from '../../src/smoke-config.js'
import type { Bundles } from './build-bundles.js'

/** A started runtime, ready to run the smoke suite (any number of times). */
export interface RuntimeSession {
  run(config: SmokeConfig): Promise<SmokeReport>
  close(): Promise<void>
}

export interface Runtime {
  /** e.g. `Deno 2.9.6`: the version the catalog pins. */
  name: string
  /** How it is run, for the README's table. */
  how: string
  /** The session, or why the runtime cannot start on this machine (the test then reports SKIPPED). */
  start(bundles: Bundles): Promise<RuntimeSession | string>
}

/** The report a process printed as its last stdout line. */
export function parseReport(stdout: string, stderr: string): SmokeReport {
  const last = stdout.trim().split('\n').at(-1) ?? ''
  try {
    return JSON.parse(last) as SmokeReport
  } catch {
    throw new Error(`no report on stdout.\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`)
  }
}
