import { ConfigurationError } from './errors.js'

/** Any object with these four methods: `console`, pino, winston, a test double. */
export interface Logger {
  debug(message: string): unknown
  info(message: string): unknown
  warn(message: string): unknown
  error(message: string): unknown
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }
export const LOG_ENV_VAR = 'VOICEBATCH_LOG'
const DEFAULT_LEVEL: LogLevel = 'info'

export interface LoggerOptions {
  /** Default: `console` when `VOICEBATCH_LOG` is set, else no logging at all. */
  logger?: Logger | undefined
  /** Default: `VOICEBATCH_LOG`, else `info`. */
  logLevel?: LogLevel | undefined
}

/** A logger that writes what its level lets through; `log(level, line)` keeps the method's `this`. */
export interface LevelledLogger {
  enabled(level: Exclude<LogLevel, 'silent'>): boolean
  log(level: Exclude<LogLevel, 'silent'>, line: string): void
}

/** The logger the options ask for, or null when nothing would ever be written. */
export function resolveLogger(options: LoggerOptions, provider: string): LevelledLogger | null {
  const fromEnv = readLogEnv()
  const level =
    checkLevel(options.logLevel, 'logLevel', provider) ?? checkLevel(fromEnv, LOG_ENV_VAR, provider)
  const logger = options.logger ?? (fromEnv === undefined ? undefined : console)
  if (logger === undefined) return null
  checkLogger(logger, provider)
  const threshold = levelRank[level ?? DEFAULT_LEVEL]
  if (threshold >= levelRank.silent) return null
  return {
    enabled: (wanted) => levelRank[wanted] >= threshold,
    log(wanted, line) {
      if (levelRank[wanted] >= threshold) logger[wanted](line)
    },
  }
}

/** `VOICEBATCH_LOG` where the runtime has an environment (Node, Bun, Deno with --allow-env); never throws. */
function readLogEnv(): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    const value = env?.[LOG_ENV_VAR]?.trim().toLowerCase()
    return value === '' ? undefined : value
  } catch {
    // Deno without --allow-env throws on access.
    return undefined
  }
}

function checkLevel(value: unknown, name: string, provider: string): LogLevel | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && Object.hasOwn(levelRank, value)) return value as LogLevel
  throw new ConfigurationError(
    `Invalid ${name} ${JSON.stringify(value)} for ${provider}: expected debug, info, warn, error or silent.`,
  )
}

function checkLogger(logger: unknown, provider: string): void {
  const missing = (['debug', 'info', 'warn', 'error'] as const).filter(
    (method) => typeof (logger as Record<string, unknown> | null)?.[method] !== 'function',
  )
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Invalid logger for ${provider}: expected an object with debug, info, warn and error methods (missing ${missing.join(', ')}).`,
    )
  }
}
