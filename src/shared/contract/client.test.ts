import { describe, expect, it } from 'vitest'
import type { Result } from '../errors'
import type { ChannelName } from './channels'
import { createClient, firstScreenChannels, type Transport } from './client'

function recording(answer: (channel: ChannelName, n: number) => Promise<Result<unknown>>) {
  const calls: Array<{ channel: ChannelName; request: unknown }> = []
  const transport: Transport = {
    invoke(channel, request) {
      calls.push({ channel, request })
      return answer(channel, calls.length)
    },
    subscribe: () => () => {},
  }
  return { calls, transport }
}

describe('contract client', () => {
  it('asks for the first screen’s answers as it is created and hands each to its first caller only', async () => {
    const { calls, transport } = recording(async (channel, n) => ({ ok: true, value: `${channel}#${n}` }))
    const api = createClient(transport, { askAtOnce: firstScreenChannels })
    expect(calls.map((c) => c.channel)).toEqual(['settings.get', 'app.info', 'profiles.list'])
    expect(await api['settings.get']()).toEqual({ ok: true, value: 'settings.get#1' })
    expect(calls).toHaveLength(3)
    // Later calls ask afresh: the early answer is not a cache.
    expect(await api['settings.get']()).toEqual({ ok: true, value: 'settings.get#4' })
    expect(await api['profiles.list']()).toEqual({ ok: true, value: 'profiles.list#3' })
    expect(calls).toHaveLength(4)
  })

  it('leaves other channels and clients without askAtOnce alone', async () => {
    const { calls, transport } = recording(async () => ({ ok: true, value: null }))
    const api = createClient(transport)
    expect(calls).toHaveLength(0)
    await api['app.info']()
    expect(calls).toEqual([{ channel: 'app.info', request: undefined }])
  })

  it('an early ask that fails reaches the caller that takes it, and nothing else', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (e: unknown) => unhandled.push(e)
    process.on('unhandledRejection', onUnhandled)
    try {
      const { transport } = recording(() => Promise.reject(new Error('transport down')))
      const api = createClient(transport, { askAtOnce: ['app.info'] })
      await new Promise((r) => setTimeout(r, 10))
      expect(unhandled).toEqual([])
      await expect(api['app.info']()).rejects.toThrow('transport down')
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
