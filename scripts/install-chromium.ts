import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * The runtime smoke suite's browser: Debian's `chromium`, installed with apt-get when missing.
 * Never fails: without it (no apt-get, not root, no network) the Chromium test reports SKIPPED
 * with the reason. `pnpm test` calls it first; run it alone with `pnpm exec tsx scripts/install-chromium.ts`.
 */
const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function apt(...args: string[]): boolean {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.status === 0
}

if (existsSync(executable)) {
  console.log(`chromium: ${executable} present`)
} else if (
  process.platform !== 'linux' ||
  process.getuid?.() !== 0 ||
  spawnSync('apt-get', ['--version']).status !== 0
) {
  console.log(
    `chromium: ${executable} missing and apt-get is not usable here (needs Debian and root): the Chromium runtime test will be skipped`,
  )
} else {
  console.log('chromium: installing the Debian package (apt-get install chromium)...')
  const installed = apt('update', '-qq') && apt('install', '-y', '-qq', '--no-install-recommends', 'chromium')
  console.log(
    installed && existsSync(executable)
      ? `chromium: installed ${executable}`
      : 'chromium: apt-get failed: the Chromium runtime test will be skipped',
  )
}
