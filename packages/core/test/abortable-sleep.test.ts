import { describe, expect, it } from 'vitest'
import { abortableSleep } from '../src/abortable-sleep.js'

describe('abortableSleep (web timers, no node:timers/promises)', () => {
  it('waits about as long as asked', async () => {
    const started = Date.now()
    await abortableSleep(30, new AbortController().signal)
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
  })

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const started = Date.now()
    const sleeping = abortableSleep(10_000, controller.signal)
    setTimeout(() => controller.abort(new Error('stop')), 10)
    await expect(sleeping).rejects.toThrow('stop')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('rejects at once for a signal already aborted', async () => {
    await expect(abortableSleep(10_000, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone')
  })
})
