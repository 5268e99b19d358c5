import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SmokeConfig, SmokeReport } from '../../src/smoke-config.js'
import type { Runtime } from './runtime.js'

/** Debian's package; `CHROMIUM_PATH` points elsewhere. `scripts/install-chromium.ts` installs it. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const page = `<!doctype html><meta charset="utf-8"><title>voicebatch smoke</title>
<script type="module">import { runSmoke } from './smoke.mjs'; window.runSmoke = runSmoke; window.smokeReady = true</script>`

/** Headless Chromium loading the bundle from a page on its own loopback origin: every mock call is cross-origin. */
export const chromium: Runtime = {
  name: 'Chromium (Debian package)',
  how: 'Debian `chromium`, headless, driven by playwright-core; the page loads the bundle, the mocks answer CORS',
  async start(bundles) {
    if (!existsSync(executablePath)) {
      return `${executablePath} not found: run \`pnpm exec tsx scripts/install-chromium.ts\` (apt-get install chromium) or set CHROMIUM_PATH`
    }
    const script = readFileSync(bundles.smoke)
    const server = createServer((request, response) => {
      const body = request.url === '/smoke.mjs' ? script : page
      const type = request.url === '/smoke.mjs' ? 'text/javascript' : 'text/html'
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()))
    let browser: import('playwright-core').Browser
    try {
      const playwright = await import('playwright-core')
      browser = await playwright.chromium.launch({
        executablePath,
        headless: true,
        timeout: 30_000,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      })
    } catch (error) {
      await closeServer()
      return `Chromium did not start: ${(error as Error).message.split('\n')[0]}`
    }
    const { port } = server.address() as AddressInfo
    return {
      async run(config: SmokeConfig) {
        const tab = await browser.newPage()
        const errors: string[] = []
        tab.on('pageerror', (error) => errors.push(error.message))
        try {
          await tab.goto(`http://127.0.0.1:${port}/`)
          await tab
            .waitForFunction('window.smokeReady === true', undefined, { timeout: 15_000 })
            .catch(() => {
              throw new Error(`the bundle did not load: ${errors.join('; ') || 'no page error'}`)
            })
          return await tab.evaluate(
            (smokeConfig) =>
              (window as unknown as { runSmoke(config: SmokeConfig): Promise<SmokeReport> }).runSmoke(
                smokeConfig,
              ),
            config,
          )
        } finally {
          await tab.close()
        }
      },
      async close() {
        await browser.close()
        await closeServer()
      },
    }
  },
}
