// Node 20.19+ loads our ESM-only packages with require() (no top-level await in them).
const assert = require('node:assert/strict')
const { readdirSync } = require('node:fs')

const names = ['voicebatch', ...readdirSync('node_modules/@voicebatch').map((name) => `@voicebatch/${name}`)]
for (const name of names) {
  const module = require(name)
  assert.equal(typeof module, 'object', `require('${name}')`)
  console.log(`require('${name}'): ${Object.keys(module).length} exports`)
}
assert.equal(require('@voicebatch/truedy-types').specInfo.provider, 'truedy')
assert.equal(require('@voicebatch/truedy-types'), require('@voicebatch/truedy-types'), 'one module instance')
