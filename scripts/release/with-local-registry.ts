import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { registryEnvironment, writeNpmUserConfig } from './npm-user-config.ts'
import { type LocalRegistry, startVerdaccio } from './start-verdaccio.ts'

export interface LocalRegistrySession {
  registry: LocalRegistry
  /** The environment for npm, pnpm and changesets commands aimed at the registry. */
  environment: NodeJS.ProcessEnv
  /** The temp folder of the session: registry storage, npm config and cache; work may add to it. */
  workDirectory: string
}

/**
 * A throwaway Verdaccio for `work`: a temp folder, Verdaccio on 127.0.0.1 with its storage there,
 * an npm config and cache aimed at it. When `work` ends, whether it returned or threw, Verdaccio is
 * stopped and the folder removed with everything `work` put in it.
 */
export async function withLocalRegistry<T>(work: (session: LocalRegistrySession) => Promise<T>): Promise<T> {
  const workDirectory = mkdtempSync(join(tmpdir(), 'voicebatch-release-local-'))
  let registry: LocalRegistry | undefined
  try {
    mkdirSync(join(workDirectory, 'registry'))
    registry = await startVerdaccio(join(workDirectory, 'registry'))
    const userConfig = writeNpmUserConfig(workDirectory, registry.url)
    const environment = registryEnvironment(
      process.env,
      registry.url,
      userConfig,
      join(workDirectory, 'npm-cache'),
    )
    return await work({ registry, environment, workDirectory })
  } finally {
    await registry?.stop()
    rmSync(workDirectory, { recursive: true, force: true })
  }
}
