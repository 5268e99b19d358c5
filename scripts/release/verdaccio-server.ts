import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'

/**
 * Child process entry of start-verdaccio.ts: runs Verdaccio with the config file given as argument,
 * on 127.0.0.1 and a port the OS picks, and prints `{"verdaccioPort":N}` once it listens.
 * Verdaccio is imported through a variable: its type declarations do not compile under our strict
 * settings (skipLibCheck: false), and this file needs only `runServer`.
 */
interface ListeningServer {
  address(): AddressInfo | string | null
  close(callback: () => void): void
}

interface VerdaccioModule {
  runServer(
    config: unknown,
  ): Promise<{ listen(port: number, host: string, callback: () => void): ListeningServer }>
}

const configPath = process.argv[2]
if (configPath === undefined) throw new Error('usage: verdaccio-server.ts <config.json>')
const moduleName = 'verdaccio'
const { runServer } = (await import(moduleName)) as VerdaccioModule
const app = await runServer(JSON.parse(readFileSync(configPath, 'utf8')) as unknown)
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ verdaccioPort: address.port })}\n`)
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
