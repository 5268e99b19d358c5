import assert from 'node:assert/strict'
import { installedPackages } from './installed-packages.mjs'

for (const name of installedPackages()) {
  const module = await import(name)
  assert.equal(typeof module, 'object', `import('${name}')`)
  console.log(`import('${name}'): ${Object.keys(module).length} exports`)
}
const types = await import('@voicebatch/truedy-types')
assert.equal(types.specInfo.provider, 'truedy')
assert.ok(types.batchCallStatusValues.includes('active'))
