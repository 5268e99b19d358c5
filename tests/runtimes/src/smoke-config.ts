/** What the Node harness tells a runtime: where the mocks listen and with which keys. */
export interface SmokeConfig {
  truedy: { url: string; apiKey: string }
  techladder: { url: string; apiKey: string }
  ultravox: { url: string; apiKey: string; agentIds: string[] }
  /** Batches each mock seeds (Techladder and Truedy: in total). */
  batches: number
}

export interface SmokeCheck {
  name: string
  ok: boolean
  detail: string
}

/** Plain JSON: it crosses process, worker and page boundaries. */
export interface SmokeReport {
  /** e.g. `node 24.22.3`, `Deno/2.9.6`, `Cloudflare-Workers`, a browser's user agent. */
  runtime: string
  checks: SmokeCheck[]
  /** Every line the clients' loggers wrote, for the harness to grep for keys. */
  logLines: string[]
}

/** The ultravox agent whose listing answers 503 once, and the one whose listing hangs. */
export const retryAgent = (config: SmokeConfig) => config.ultravox.agentIds[0] ?? ''
export const hangAgent = (config: SmokeConfig) => config.ultravox.agentIds[1] ?? ''
