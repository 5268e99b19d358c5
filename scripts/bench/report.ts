/** The console table and the README table of a bench run, and the shape of bench/results.json. */
import type { Figure, ScenarioResult, Target } from './scenario.ts'

export interface Machine {
  node: string
  platform: string
  cpuModel: string
  cores: number
  memoryGiB: number
  /** 1, 5 and 15 minute load averages when the bench started and ended: other work skews timings. */
  loadAverageStart: number[]
  loadAverageEnd: number[]
}

export interface ScenarioReport extends ScenarioResult {
  name: string
  title: string
  seconds: number
  /** Set when the scenario crashed or timed out: its figures are missing. */
  error?: string
}

export interface BenchResults {
  date: string
  durationSeconds: number
  machine: Machine
  /** The build that made dist/ current before measuring. */
  build: { ok: boolean; seconds: number; note?: string }
  summary: { targets: number; met: number; missed: number; failedScenarios: string[] }
  scenarios: ScenarioReport[]
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—'
  switch (unit) {
    case 'x':
      return `${value.toFixed(2)}x`
    case 'µs/call':
      return `${value.toFixed(1)} µs`
    case 'req/s':
    case 'items/s':
      return `${grouped.format(value)} ${unit}`
    case 'count':
      return grouped.format(value)
    case 'B':
      return value >= 1024 ? `${(value / 1024).toFixed(2)} kB` : `${grouped.format(value)} B`
    case 'MB':
      return `${value.toFixed(2)} MB`
    case 's':
      return `${value.toFixed(2)} s`
    case 'ms':
      return `${value.toFixed(0)} ms`
    default:
      return `${value} ${unit}`
  }
}

function formatLimit(target: Target): string {
  const comparison = target.comparison === '<=' ? '≤' : target.comparison === '>=' ? '≥' : '<'
  return `${comparison} ${formatValue(target.limit, target.unit)}`
}

function formatMeasured(target: Target): string {
  const measured = formatValue(target.measured, target.unit)
  const ratio =
    target.unit === 'x' || target.ratio === null ? '' : ` (${(target.ratio * 100).toFixed(0)}% of budget)`
  return `${measured}${ratio}`
}

const verdict = (target: Target) => (target.met ? 'met' : 'MISSED')

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length)
}

/** One scenario's part of the console table. */
export function scenarioTable(scenario: ScenarioReport): string {
  const lines = [`\n${scenario.title}  (${scenario.seconds.toFixed(1)} s)`]
  if (scenario.error) lines.push(`  FAILED: ${scenario.error.split('\n').slice(0, 6).join('\n  ')}`)
  for (const figure of scenario.figures) {
    lines.push(
      `  ${pad(figure.label, 62)} ${pad(formatValue(figure.value, figure.unit), 16)} ${figure.detail ?? ''}`.trimEnd(),
    )
  }
  for (const target of scenario.targets) {
    const ratio = target.unit === 'x' ? ` ${target.ratioOf}` : ''
    lines.push(
      `  ${pad(verdict(target), 7)} ${pad(target.label, 54)} ${pad(formatMeasured(target), 22)} target ${formatLimit(target)}${ratio}`,
    )
  }
  for (const note of scenario.notes) lines.push(`  note: ${note.split('\n').join('\n        ')}`)
  return lines.join('\n')
}

export function summaryLine(results: BenchResults): string {
  const { met, missed, targets, failedScenarios } = results.summary
  const failed = failedScenarios.length > 0 ? `; scenarios that failed: ${failedScenarios.join(', ')}` : ''
  return `${met} of ${targets} targets met, ${missed} missed${failed}. Total ${results.durationSeconds.toFixed(0)} s.`
}

function machineLine(results: BenchResults): string {
  const { machine } = results
  const load = machine.loadAverageStart.map((value) => value.toFixed(1)).join(' / ')
  return `Measured ${results.date.slice(0, 10)} by \`pnpm bench\` (${results.durationSeconds.toFixed(0)} s): Node ${machine.node}, ${machine.platform}, ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB; load average at start ${load} (1/5/15 min).`
}

const cell = (text: string) => text.replaceAll('|', '\\|')

const SIZE_LIMIT_PREFIX = 'size_limit.'

/** The size-limit budgets in one row: how many hold, and the tightest. */
function sizeLimitRow(budgets: Target[]): string {
  const met = budgets.filter((target) => target.met).length
  const tightest = [...budgets].sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0))[0] as Target
  const name = tightest.label.replace(/^size-limit: /, '')
  const measured = `${met} of ${budgets.length} within budget; tightest: ${name} ${formatMeasured(tightest)}`
  const result = met === budgets.length ? 'met' : '**missed**'
  return `| size-limit budgets of .size-limit.json (every entry) | ${cell(measured)} | each entry's limit | ${result} |`
}

/** The Markdown for the root README's Performance section: every target, then the headline figures. */
export function markdownReport(results: BenchResults): string {
  const lines = [
    machineLine(results),
    '',
    '| Target | Measured | Limit | Result |',
    '| --- | --- | --- | --- |',
  ]
  for (const scenario of results.scenarios) {
    const budgets = scenario.targets.filter((target) => target.id.startsWith(SIZE_LIMIT_PREFIX))
    if (budgets.length > 0) lines.push(sizeLimitRow(budgets))
    for (const target of scenario.targets) {
      if (target.id.startsWith(SIZE_LIMIT_PREFIX)) continue
      const what = target.unit === 'x' ? `${target.label} (${target.ratioOf})` : target.label
      const measured = target.summary
        ? `${formatMeasured(target)}: ${target.summary}`
        : formatMeasured(target)
      lines.push(
        `| ${cell(what)} | ${cell(measured)} | ${formatLimit(target)} | ${target.met ? 'met' : '**missed**'} |`,
      )
    }
  }
  const figures: Figure[] = results.scenarios.flatMap((scenario) =>
    scenario.figures.filter((figure) => figure.readme),
  )
  if (figures.length > 0) {
    lines.push('', '| Figure | Value |', '| --- | --- |')
    for (const figure of figures)
      lines.push(`| ${cell(figure.label)} | ${formatValue(figure.value, figure.unit)} |`)
  }
  const failed = results.scenarios.filter((scenario) => scenario.error)
  if (failed.length > 0) {
    lines.push(
      '',
      `Not measured (the scenario failed): ${failed.map((scenario) => scenario.title).join(', ')}.`,
    )
  }
  lines.push('', `${summaryLine(results)} Every figure, with how it was measured: \`bench/results.json\`.`)
  return `${lines.join('\n')}\n`
}
