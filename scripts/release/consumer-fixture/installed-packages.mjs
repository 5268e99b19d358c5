import { readdirSync } from 'node:fs'

/** Every @voicebatch package npm installed (direct or not), and the facade. */
export function installedPackages() {
  const scoped = readdirSync('node_modules/@voicebatch').map((name) => `@voicebatch/${name}`)
  return ['voicebatch', ...scoped].sort()
}
