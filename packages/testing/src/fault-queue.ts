import type { Fault, FaultBehaviour, MockProvider } from './types.js'

const KINDS: readonly Fault['kind'][] = [
  'status',
  'rate-limit',
  'delay',
  'hang',
  'html',
  'truncated-json',
  'redirect',
  'next-url-host',
  'stuck-cursor',
]

/** What a fault is matched against. */
export interface FaultTarget {
  readonly method: string
  readonly pathname: string
  /** The pathname after the base path; undefined outside it. */
  readonly path: string | undefined
}

function isStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 200 && value <= 599
}

function check(fault: Fault, provider: MockProvider): void {
  const where = `fault ${JSON.stringify(fault.kind)}`
  if (!KINDS.includes(fault.kind)) throw new TypeError(`Unknown fault kind ${JSON.stringify(fault.kind)}`)
  const times = fault.times ?? 1
  if (!(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times >= 1))) {
    throw new RangeError(`${where}: times must be a positive integer or Infinity`)
  }
  switch (fault.kind) {
    case 'status':
      if (!isStatus(fault.status))
        throw new RangeError(`${where}: status must be an HTTP status from 200 to 599`)
      break
    case 'html':
    case 'truncated-json':
      if (fault.status !== undefined && !isStatus(fault.status)) {
        throw new RangeError(`${where}: status must be an HTTP status from 200 to 599`)
      }
      break
    case 'redirect':
      if (
        fault.status !== undefined &&
        !(isStatus(fault.status) && fault.status >= 300 && fault.status < 400)
      ) {
        throw new RangeError(`${where}: status must be a 3xx status`)
      }
      break
    case 'delay':
      if (!(Number.isFinite(fault.ms) && fault.ms >= 0)) throw new RangeError(`${where}: ms must be >= 0`)
      break
    case 'next-url-host':
      if (provider !== 'ultravox') {
        throw new TypeError(`${where} applies to Ultravox only: ${provider} pages have no next URL`)
      }
      break
  }
}

function matches(fault: Fault, target: FaultTarget): boolean {
  const { match } = fault
  if (!match) return true
  if (match.method !== undefined && match.method.toUpperCase() !== target.method) return false
  if (match.path === undefined) return true
  if (typeof match.path === 'string') return match.path === target.pathname || match.path === target.path
  match.path.lastIndex = 0
  return match.path.test(target.pathname)
}

/** Faults waiting for requests, consumed in the order they were injected. */
export class FaultQueue {
  readonly #provider: MockProvider
  #queue: { fault: Fault; remaining: number }[] = []

  constructor(provider: MockProvider) {
    this.#provider = provider
  }

  add(faults: readonly Fault[]): void {
    for (const fault of faults) check(fault, this.#provider)
    for (const fault of faults) this.#queue.push({ fault, remaining: fault.times ?? 1 })
  }

  clear(): void {
    this.#queue = []
  }

  /** Takes one use of the first queued fault that matches the request and whose kind is accepted. */
  take(target: FaultTarget, acceptKind: (kind: Fault['kind']) => boolean): FaultBehaviour | undefined {
    const index = this.#queue.findIndex(
      (entry) => acceptKind(entry.fault.kind) && matches(entry.fault, target),
    )
    const entry = this.#queue[index]
    if (!entry) return undefined
    entry.remaining -= 1
    if (entry.remaining <= 0) this.#queue.splice(index, 1)
    return entry.fault
  }
}
