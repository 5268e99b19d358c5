export interface Column {
  header: string
  align?: 'left' | 'right'
}

/** Rows under a header, each column as wide as its widest cell, two spaces apart. */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? ''
        const width = widths[index] ?? 0
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n')
}

/** `[######----]  6/10`: completed out of total; `-` when the provider does not say. */
export function progress(completed: number | null, total: number | null, width = 10): string {
  if (completed === null || total === null || total <= 0) return '-'
  const filled = Math.round((Math.min(completed, total) / total) * width)
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${`${completed}/${total}`.padStart(7)}`
}

/** `2026-11-22 04:13` (UTC) for an ISO timestamp; anything else as it came. */
export function shortDate(value: string | null): string {
  if (value === null || value === '') return '-'
  const time = Date.parse(value)
  return Number.isNaN(time) ? value : new Date(time).toISOString().slice(0, 16).replace('T', ' ')
}
