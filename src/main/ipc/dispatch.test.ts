import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { InMemorySecretStore } from '../credentials/secretStore'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../shared/contract/client'
import { createInMemoryTransport } from '../../shared/contract/inMemoryTransport'
import { channelNames } from '../../shared/contract/channels'
import { createServices } from '../services'
import { createDispatch, type Handlers, type Logger } from './dispatch'
import { createSenderCheck, registerIpc } from './register'

const dirs: string[] = []
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()))
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

function recordingLog(): Logger & { lines: Array<[string, string, unknown]> } {
  const lines: Array<[string, string, unknown]> = []
  return {
    lines,
    error: (m, d) => lines.push(['error', m, d]),
    warn: (m, d) => lines.push(['warn', m, d]),
    info: (m, d) => lines.push(['info', m, d]),
  }
}

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'trtc-desk-test-'))
  dirs.push(dir)
  const log = recordingLog()
  const emitted: Array<[string, unknown]> = []
  const opened: string[] = []
  const services = await createServices({
    userDataDir: dir,
    secrets: new InMemorySecretStore(),
    log,
    appInfo: { name: 'TRTC Desk', version: '1.2.3', versions: { electron: '45', chrome: '1', node: '20', v8: '1' }, platform: 'linux', arch: 'x64', systemLocales: ['zh-CN'] },
    emit: (e, p) => {
      emitted.push([e, p])
      transport.emit(e, p)
    },
    openExternal: async (url) => void opened.push(url),
  })
  closers.push(() => services.close())
  const transport = createInMemoryTransport(services.dispatch)
  return { dir, log, emitted, opened, services, api: createClient(transport) }
}

describe('the contract over the in-memory transport', () => {
  it('runs the real handlers through the typed client', async () => {
    const { api } = await setup()
    expect(await api['app.info']()).toMatchObject({ ok: true, value: { version: '1.2.3', systemLocales: ['zh-CN'] } })
    expect(await api['settings.get']()).toEqual({ ok: true, value: { theme: 'system', language: 'system' } })
    const profiles = await api['profiles.list']()
    expect(profiles).toMatchObject({ ok: true, value: { activeId: 'demo', profiles: [{ id: 'demo', kind: 'demo', name: 'Demo (local simulator)' }] } })
  })

  it('persists settings atomically and pushes the change to listeners', async () => {
    const { api, dir, emitted } = await setup()
    const seen: unknown[] = []
    api.on('settings.changed', (s) => seen.push(s))
    expect(await api['settings.update']({ theme: 'dark' })).toEqual({ ok: true, value: { theme: 'dark', language: 'system' } })
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual({ theme: 'dark', language: 'system' })
    expect(emitted).toEqual([['settings.changed', { theme: 'dark', language: 'system' }]])
    expect(seen).toEqual([{ theme: 'dark', language: 'system' }])
  })

  it('rejects an unknown channel with request.invalid and a readable message', async () => {
    const { services } = await setup()
    const r = await services.dispatch('rooms.explode', {})
    expect(r).toEqual({ ok: false, error: { code: 'request.invalid', message: 'Unknown channel "rooms.explode".', say: { key: 'err.code.request.invalid' }, retryable: false } })
  })

  it('rejects malformed requests before a handler runs', async () => {
    const { services, opened } = await setup()
    const cases: Array<[string, unknown]> = [
      ['settings.update', { theme: 'neon' }],
      ['settings.update', { theme: 'dark', secret: 1 }],
      ['settings.update', 'dark'],
      ['shell.openExternal', { url: 'http://example.com' }],
      ['shell.openExternal', { url: 'javascript:alert(1)' }],
      ['shell.openExternal', {}],
      ['shell.openExternal', { url: 'https://evil.example/phish' }],
      ['app.info', { unexpected: true }],
    ]
    for (const [channel, request] of cases) {
      const r = await services.dispatch(channel, request)
      expect(r.ok, `${channel} ${JSON.stringify(request)}`).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('request.invalid')
        expect(r.error.message).toMatch(new RegExp(`^Invalid request for ${channel.replace('.', '\\.')}: .+`))
      }
    }
    expect(opened).toEqual([])
    const good = await services.dispatch('shell.openExternal', { url: 'https://trtc.io/document/34268' })
    expect(good).toEqual({ ok: true, value: null })
    expect(opened).toEqual(['https://trtc.io/document/34268'])
  })

  it('turns a throwing handler into internal, with no stack or secret sent and the stack logged', async () => {
    const log = recordingLog()
    const secret = 'SECRETKEY-0123456789abcdef'
    const failing = Object.fromEntries(
      channelNames.map((c) => [c, async () => {
        throw new Error(`boom with ${secret}`)
      }]),
    ) as unknown as Handlers
    const dispatch = createDispatch(failing, log)
    const r = await dispatch('settings.get', undefined)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('internal')
      expect(JSON.stringify(r)).not.toContain(secret)
      expect(JSON.stringify(r)).not.toMatch(/at .*\.ts/)
    }
    expect(log.lines[0]?.[0]).toBe('error')
    expect((log.lines[0]?.[2] as Error).stack).toContain('boom')
  })
})

describe('registerIpc', () => {
  it('registers every contract channel and refuses senders that are not the app window', async () => {
    const { services } = await setup()
    const handlers = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>()
    const ipc = {
      handle: (c: string, fn: (event: unknown, request: unknown) => Promise<unknown>) => void handlers.set(c, fn),
      removeHandler: (c: string) => void handlers.delete(c),
    }
    const unregister = registerIpc(ipc as never, services.dispatch, createSenderCheck(undefined, 'file:///app/out/renderer/index.html'))
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort())
    const call = (url: string, parent: object | null) => handlers.get('settings.get')!({ senderFrame: { url, parent } }, undefined)
    expect(await call('file:///app/out/renderer/index.html', null)).toMatchObject({ ok: true })
    expect(await call('file:///app/out/renderer/index.html#/show', null)).toMatchObject({ ok: true })
    // Any other local page (a downloaded HTML file the window was navigated to) is not the app.
    expect(await call('file:///home/user/Downloads/evil.html', null)).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(await call('https://evil.example/', null)).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(await call('file:///app/out/renderer/index.html', {})).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(await handlers.get('settings.get')!({ senderFrame: null }, undefined)).toMatchObject({ ok: false })
    unregister()
    expect(handlers.size).toBe(0)
  })

  it('accepts the dev server origin only when one is configured', () => {
    const check = createSenderCheck('http://localhost:5173/')
    expect(check({ url: 'http://localhost:5173/index.html', parent: null } as never)).toBe(true)
    expect(check({ url: 'http://localhost:5174/', parent: null } as never)).toBe(false)
    expect(createSenderCheck(undefined)({ url: 'http://localhost:5173/', parent: null } as never)).toBe(false)
    expect(createSenderCheck(undefined)({ url: 'file:///app/out/renderer/index.html', parent: null } as never)).toBe(false)
  })
})
