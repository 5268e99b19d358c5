/** Where Verdaccio fetches every package we do not publish ourselves (openapi-fetch, typescript). */
export const UPSTREAM_REGISTRY = 'https://registry.npmjs.org/'

/** Our package names: served only from what we publish, never proxied to npm. */
export const OWN_PACKAGES = ['@voicebatch/*', 'voicebatch']

/**
 * A Verdaccio config for a throwaway registry: storage in `directory`, anyone may publish our
 * packages (no users, no tokens to manage), everything else is proxied read-only to npm. The
 * facade's name is unscoped, so a consumer cannot route just a scope to Verdaccio: it uses Verdaccio
 * for everything, and Verdaccio proxies the rest.
 */
export function verdaccioConfig(directory: string): Record<string, unknown> {
  const own = { access: '$all', publish: '$all', unpublish: '$all' }
  return {
    self_path: directory,
    storage: `${directory}/storage`,
    auth: { htpasswd: { file: `${directory}/htpasswd`, max_users: -1 } },
    uplinks: { npmjs: { url: UPSTREAM_REGISTRY, timeout: '60s', max_fails: 5 } },
    packages: {
      ...Object.fromEntries(OWN_PACKAGES.map((pattern) => [pattern, own])),
      '**': { access: '$all', publish: '$authenticated', proxy: 'npmjs' },
    },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
    web: { enable: false },
    max_body_size: '50mb',
    publish: { allow_offline: true },
  }
}
