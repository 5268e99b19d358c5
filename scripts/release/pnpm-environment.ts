/**
 * The environment for the pnpm commands these scripts run. pnpm 12 records the pnpm version that
 * `packageManager` pins in the lockfile on every command, which resolves `@pnpm/exe.*` builds the
 * registry does not publish for 12.21.0: now and then a command fails with ERR_PNPM_BAD_CONFIG_DEP.
 * `pmOnFail: ignore` skips that step (it changes nothing else these commands do).
 */
export function pnpmEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, PNPM_CONFIG_PM_ON_FAIL: 'ignore', ...extra }
}
