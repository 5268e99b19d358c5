import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const expected = {
  '@voicebatch/truedy': ['createTruedyClient', 'ApiError', 'VoiceBatchError'],
  voicebatch: ['createVoiceBatch', 'normalizeBatch', 'normalizeCall'],
  '@voicebatch/testing': ['startMockServer'],
}
for (const [name, exports] of Object.entries(expected)) {
  const imported = await import(name)
  const required = require(name)
  for (const exported of exports) {
    assert.equal(typeof imported[exported], 'function', `import('${name}').${exported}`)
    assert.equal(
      required[exported],
      imported[exported],
      `require('${name}').${exported} is the same function`,
    )
  }
}
