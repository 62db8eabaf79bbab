// The web transport's server on loopback with a stand-in dispatch: who may load the page and open
// the socket, and that calls, Results, bytes and pushed events cross it intact.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ok } from '../../shared/errors'
import type { Dispatch } from '../ipc/dispatch'
import { startWebServer, type WebServer } from './server'

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined }
let web: WebServer | null = null
afterEach(async () => {
  await web?.close()
  web = null
})

async function start(dispatch: Dispatch = async (channel, request) => ok({ channel, request })) {
  const dir = await mkdtemp(join(tmpdir(), 'trtc-web-'))
  await mkdir(join(dir, 'renderer'))
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>')
  await writeFile(join(dir, 'preload.js'), '/* preload */')
  web = await startWebServer({ rendererDir: join(dir, 'renderer'), preloadFile: join(dir, 'preload.js'), dispatch, log: quiet })
  return web
}

function socket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

describe('web server', () => {
  it('listens on loopback and serves nothing without the token', async () => {
    const w = await start()
    expect(w.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    for (const path of ['/', '/index.html', '/web-api.js', '/?token=wrong']) expect((await fetch(w.origin + path)).status).toBe(403)
  })

  it('moves the token from the address to an HttpOnly cookie and injects the client before the app', async () => {
    const w = await start()
    const first = await fetch(w.url, { redirect: 'manual' })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/')
    const cookie = first.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const page = await fetch(w.origin + '/', { headers: { cookie: cookie.split(';')[0]! } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<head>\n    <script src="/web-api.js"></script>')
    const client = await (await fetch(w.origin + '/web-api.js', { headers: { cookie: cookie.split(';')[0]! } })).text()
    expect(client).toContain('/* preload */')
    expect((await fetch(w.origin + '/../preload.js', { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(404)
  })

  it('refuses a socket without the token or from another origin', async () => {
    const w = await start()
    const ws = w.origin.replace('http', 'ws') + '/api'
    await expect(socket(ws, { origin: w.origin })).rejects.toThrow('HTTP 403')
    await expect(socket(`${ws}?token=${w.token}`, { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403')
    await expect(socket(ws, { origin: w.origin, cookie: 'trtc_desk_token=nope' })).rejects.toThrow('HTTP 403')
    const good = await socket(ws, { origin: w.origin, cookie: `trtc_desk_token=${w.token}` })
    expect(w.clients()).toBe(1)
    good.close()
  })

  it('carries calls, Results with bytes, and pushed events', async () => {
    const seen: unknown[] = []
    const w = await start(async (channel, request) => {
      seen.push(request)
      return ok({ channel, bytes: new Uint8Array([0, 1, 254, 255]) })
    })
    const ws = await socket(w.origin.replace('http', 'ws') + '/api', { origin: w.origin, cookie: `trtc_desk_token=${w.token}` })
    const messages: Array<Record<string, unknown>> = []
    ws.on('message', (d) => messages.push(JSON.parse(String(d)) as Record<string, unknown>))
    ws.send(JSON.stringify({ kind: 'call', id: 7, channel: 'sei.parse', request: { data: { __bytes: Buffer.from([9, 8]).toString('base64') } } }))
    w.emit('rooms.quality', { frame: new Uint8Array([5]) })
    await expect.poll(() => messages.length).toBe(2)
    expect(seen).toEqual([{ data: new Uint8Array([9, 8]) }])
    expect(messages).toContainEqual({ kind: 'result', id: 7, result: { ok: true, value: { channel: 'sei.parse', bytes: { __bytes: 'AAH+/w==' } } } })
    expect(messages).toContainEqual({ kind: 'event', event: 'rooms.quality', payload: { frame: { __bytes: 'BQ==' } } })
    ws.close()
  })
})
