// `npm run web`: main's services in Node, the built renderer served to a browser, and the contract
// carried over a WebSocket instead of Electron's IPC — the same dispatch, the same Result envelope,
// pushed events included. The page gets the contract's client from the same preload as the desktop
// window (out/preload/index.js), run against an `electron` stand-in whose ipcRenderer is the socket.
//
// Access: a random token, printed in the start URL. Opening that URL sets it as an HttpOnly,
// SameSite=Strict cookie; every file and the socket need the cookie (or the token) and the socket
// also needs this server's own Origin, so another site open in the same browser cannot reach it.
// Loopback only unless a host is given.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { bytesFromWire, bytesToWire, type Base64, type WireMessage } from '../../shared/contract/wire'
import type { Dispatch, Logger } from '../ipc/dispatch'
import { appError } from '../../shared/errors'

const COOKIE = 'trtc_desk_token'
const MAX_MESSAGE = 32 * 1024 * 1024
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

export const nodeBase64: Base64 = {
  encode: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64'),
  decode: (s) => new Uint8Array(Buffer.from(s, 'base64')),
}

export interface WebServer {
  /** The URL to open, with the token. */
  url: string
  origin: string
  token: string
  /** Sends an event to every connected page. */
  emit(event: string, payload: unknown): void
  clients(): number
  close(): Promise<void>
}

export interface WebServerOptions {
  rendererDir: string
  preloadFile: string
  dispatch: Dispatch
  log: Logger
  host?: string
  port?: number
  /** The app icon, served as the page's favicon. */
  iconFile?: string
}

/** The page's `electron` stand-in: the preload runs against it and exposes window.api as on the desktop. */
function pageScript(preload: string): string {
  return `(() => {
  const b64 = { decode: (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0)), encode: (b) => { let s = ''; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000)); return btoa(s) } };
  const toWire = (v) => v instanceof Uint8Array ? { __bytes: b64.encode(v) } : Array.isArray(v) ? v.map(toWire) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)])) : v;
  const fromWire = (v) => v && typeof v === 'object' && typeof v.__bytes === 'string' && Object.keys(v).length === 1 ? b64.decode(v.__bytes) : Array.isArray(v) ? v.map(fromWire) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromWire(x)])) : v;
  const listeners = new Map();
  const pending = new Map();
  let seq = 0;
  let socket = null;
  let opened = null;
  const closedResult = { ok: false, error: ${JSON.stringify(appError('transport.closed', 'err.code.transport.closed', undefined, { retryable: true }))} };
  const connect = () => {
    if (opened) return opened;
    opened = new Promise((resolve) => {
      const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api');
      ws.onopen = () => { socket = ws; resolve(ws); };
      ws.onmessage = (m) => {
        const msg = JSON.parse(m.data);
        if (msg.kind === 'result') { const p = pending.get(msg.id); pending.delete(msg.id); p && p(fromWire(msg.result)); }
        else if (msg.kind === 'event') { const payload = fromWire(msg.payload); for (const fn of listeners.get(msg.event) ?? []) fn({}, payload); }
      };
      ws.onclose = () => {
        socket = null; opened = null; resolve(null);
        for (const p of pending.values()) p(closedResult);
        pending.clear();
        // Pushed events resume when the server is back.
        setTimeout(connect, 2000);
      };
    });
    return opened;
  };
  connect();
  const electron = {
    contextBridge: { exposeInMainWorld(name, value) { Object.defineProperty(window, name, { value, enumerable: true, configurable: false, writable: false }); } },
    ipcRenderer: {
      async invoke(channel, request) {
        const ws = socket ?? (await connect());
        if (!ws) return closedResult;
        const id = ++seq;
        return new Promise((resolve) => { pending.set(id, resolve); ws.send(JSON.stringify({ kind: 'call', id, channel, request: toWire(request) })); });
      },
      on(event, fn) { if (!listeners.has(event)) listeners.set(event, new Set()); listeners.get(event).add(fn); },
      removeListener(event, fn) { listeners.get(event)?.delete(fn); },
    },
  };
  const require = (name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name); };
  (function (require) { ${preload}\n })(require);
})();`
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieOf(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=')
    if (k === COOKIE && v) return decodeURIComponent(v)
  }
  return null
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url')
  const preload = await readFile(opts.preloadFile, 'utf8')
  const script = pageScript(preload)
  const host = opts.host ?? '127.0.0.1'
  const sockets = new Set<WebSocket>()

  const authorized = (req: IncomingMessage, url: URL) => {
    const given = url.searchParams.get('token') ?? cookieOf(req)
    return given !== null && sameSecret(given, token)
  }

  // The origin the browser used (loopback, or this machine's address with a host given).
  const originOf = (req: IncomingMessage) => `http://${req.headers.host ?? ''}`

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', originOf(req))
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end()
    if (!authorized(req, url)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
      return void res.end('TRTC Desk: open the address with the token that `npm run web` printed.\n')
    }
    const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' }
    if (url.searchParams.has('token')) {
      // The token moves to a cookie and out of the address bar (and the history).
      headers['set-cookie'] = `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`
      url.searchParams.delete('token')
      res.writeHead(303, { ...headers, location: url.pathname + url.search })
      return void res.end()
    }
    if (url.pathname === '/favicon.ico' && opts.iconFile) {
      res.writeHead(200, { ...headers, 'content-type': 'image/png' })
      return void res.end(await readFile(opts.iconFile))
    }
    if (url.pathname === '/web-api.js') {
      res.writeHead(200, { ...headers, 'content-type': mimeTypes['.js']! })
      return void res.end(script)
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html'
    const file = join(opts.rendererDir, rel)
    if (!file.startsWith(opts.rendererDir) || !existsSync(file)) return void res.writeHead(404).end()
    let body: Buffer | string = await readFile(file)
    // The contract's client first, then the app (the page's CSP allows 'self' scripts and sockets).
    if (rel === 'index.html') body = body.toString('utf8').replace('<head>', '<head>\n    <script src="/web-api.js"></script>')
    res.writeHead(200, { ...headers, 'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream' })
    res.end(body)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => {
      opts.log.error('web: request failed', e)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', originOf(req))
    if (url.pathname !== '/api' || !authorized(req, url) || req.headers.origin !== originOf(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      ws.on('message', (data) => {
        let msg: WireMessage
        try {
          msg = JSON.parse(String(data)) as WireMessage
        } catch {
          return
        }
        if (msg.kind !== 'call' || typeof msg.id !== 'number') return
        void opts.dispatch(msg.channel, bytesFromWire(msg.request, nodeBase64)).then((result) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ kind: 'result', id: msg.id, result: bytesToWire(result, nodeBase64) } satisfies WireMessage))
        })
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  const origin = `http://${shownHost}:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    emit(event, payload) {
      const text = JSON.stringify({ kind: 'event', event, payload: bytesToWire(payload, nodeBase64) } satisfies WireMessage)
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text)
    },
    clients: () => sockets.size,
    async close() {
      for (const ws of sockets) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
