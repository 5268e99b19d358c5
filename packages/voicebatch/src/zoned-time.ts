/** The wall-clock date and time of an instant in an IANA time zone, and that zone's UTC offset then. */
export interface ZonedTime {
  date: string // YYYY-MM-DD
  time: string // HH:MM
  /** e.g. `UTC+5:30`, `UTC-4:00`, `UTC+0:00` */
  offset: string
}

export function zonedTime(instant: Date, timeZone: string): ZonedTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  )
  const date = `${parts.year}-${parts.month}-${parts.day}`
  const time = `${parts.hour}:${parts.minute}`
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  const minutes = Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  const offset = `UTC${sign}${Math.floor(absolute / 60)}:${String(absolute % 60).padStart(2, '0')}`
  return { date, time, offset }
}
