import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A token Verdaccio never checks (our packages allow anonymous publish); npm and pnpm refuse to publish without one. */
const FAKE_TOKEN = 'voicebatch-release-local'

/** Writes an npm user config that points at `registryUrl` with a token for it; returns its path. */
export function writeNpmUserConfig(directory: string, registryUrl: string): string {
  const path = join(directory, 'npmrc')
  const host = registryUrl.replace(/^https?:/, '')
  writeFileSync(path, `registry=${registryUrl}\n${host}:_authToken=${FAKE_TOKEN}\n`)
  return path
}

/**
 * The environment for npm/pnpm/changesets commands aimed at the local registry: our user config and
 * registry, none of the caller's npm settings (pnpm passes its own `npm_config_*` to scripts).
 */
export function registryEnvironment(
  base: NodeJS.ProcessEnv,
  registryUrl: string,
  userConfig: string,
  cache: string,
): NodeJS.ProcessEnv {
  const environment = Object.fromEntries(
    Object.entries(base).filter(
      ([key]) => !/^(npm_config_|pnpm_config_)/i.test(key) && key !== 'NODE_OPTIONS',
    ),
  )
  return {
    ...environment,
    npm_config_registry: registryUrl,
    npm_config_userconfig: userConfig,
    npm_config_cache: cache,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    PNPM_CONFIG_PM_ON_FAIL: 'ignore',
  }
}
