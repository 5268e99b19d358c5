import cliProgress from 'cli-progress'
import type { BatchProgress } from 'voicebatch'

/** One line per followed batch: redrawn bars on a terminal, one plain line per change otherwise (CI logs). */
export interface ProgressDisplay {
  add(key: string, label: string, total: number): void
  update(key: string, progress: BatchProgress): void
  note(text: string): void
  stop(): void
}

function figures(progress: BatchProgress) {
  const rate = progress.ratePerMinute === null ? '-' : `${progress.ratePerMinute.toFixed(1)}/min`
  const eta =
    progress.etaMs === null ? '-' : progress.etaMs === 0 ? 'done' : `${Math.ceil(progress.etaMs / 1000)}s`
  return {
    done: progress.finishedCalls ?? 0,
    failed: progress.batch.failedCalls === null ? '-' : String(progress.batch.failedCalls),
    rate,
    eta,
    status: progress.batch.status,
  }
}

export function progressDisplay(stream: NodeJS.WriteStream = process.stdout): ProgressDisplay {
  if (!stream.isTTY) {
    const labels = new Map<string, string>()
    return {
      add: (key, label) => labels.set(key, label),
      update(key, progress) {
        const f = figures(progress)
        const total = progress.batch.totalCalls ?? '?'
        stream.write(
          `${labels.get(key)}  ${f.status}  ${f.done}/${total}  failed ${f.failed}  ${f.rate}  ETA ${f.eta}\n`,
        )
      },
      note: (text) => stream.write(`${text}\n`),
      stop: () => {},
    }
  }
  const multibar = new cliProgress.MultiBar(
    {
      stream,
      format: '{label} {bar} {value}/{total}  {status}  failed {failed}  {rate}  ETA {eta}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  )
  const bars = new Map<string, cliProgress.SingleBar>()
  return {
    add(key, label, total) {
      bars.set(key, multibar.create(total, 0, { label, failed: '-', rate: '-', eta: '-', status: 'created' }))
    },
    update(key, progress) {
      const f = figures(progress)
      bars.get(key)?.update(f.done, { failed: f.failed, rate: f.rate, eta: f.eta, status: f.status })
    },
    note: (text) => multibar.log(`${text}\n`),
    stop: () => multibar.stop(),
  }
}
