import type { SmokeConfig, SmokeReport } from '../../src/smoke-config.js'
import type { Runtime } from './runtime.js'

/** The slice of Miniflare used here (its own .d.ts does not compile without @cloudflare/workers-types). */
interface MiniflareInstance {
  ready: Promise<unknown>
  dispatchFetch(url: string, init: { method: string; body: string }): Promise<Response>
  dispose(): Promise<void>
}
type MiniflareModule = { Miniflare: new (options: Record<string, unknown>) => MiniflareInstance }
const miniflareModule = 'miniflare'

/** Cloudflare's workerd, through Miniflare (the local runtime Wrangler uses). */
export const workerd: Runtime = {
  name: 'workerd 1.20251118.0',
  how: 'Miniflare 4.20251118.0 (npm), the bundle as an ES module worker',
  async start(bundles) {
    let miniflare: MiniflareInstance
    try {
      const { Miniflare } = (await import(miniflareModule)) as MiniflareModule
      miniflare = new Miniflare({
        modules: true,
        scriptPath: bundles.worker,
        modulesRoot: bundles.directory,
        compatibilityDate: '2025-11-01',
      })
      await miniflare.ready
    } catch (error) {
      return `Miniflare could not start workerd: ${(error as Error).message}`
    }
    return {
      async run(config: SmokeConfig) {
        const response = await miniflare.dispatchFetch('http://smoke.test/', {
          method: 'POST',
          body: JSON.stringify(config),
        })
        const text = await response.text()
        if (!response.ok) throw new Error(`worker answered ${response.status}: ${text.slice(0, 2000)}`)
        return JSON.parse(text) as SmokeReport
      },
      close: () => miniflare.dispose(),
    }
  },
}
