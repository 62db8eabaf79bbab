// Runs the built renderer in Debian Chromium against the real main-process services in Node.
// Two transports for the contract:
// - 'ipc' (default): the built preload is evaluated against a small shim of the `electron` module;
//   its ipcRenderer.invoke lands, through a Playwright binding, in the same registerIpc() that the
//   Electron app uses with ipcMain.
// - 'web': the real `npm run web` server (src/main/web/server.ts) serves the page and carries the
//   contract over its WebSocket, token and all. The Playwright project named 'web' uses it.
import { InMemorySecretStore } from '../../src/main/credentials/secretStore'
import { ScriptedFileDialogs } from '../../src/main/files/dialogs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import type { EventName } from '../../src/shared/contract/channels'
import type { AppInfo, EventPayload } from '../../src/shared/contract/contract'
import { createSenderCheck, registerIpc } from '../../src/main/ipc/register'
import type { Logger } from '../../src/main/ipc/dispatch'
import { createServices, demoCloudOf, type Services } from '../../src/main/services'
import { startSimulator, type Simulator } from '../../src/simulator/server'
import { nodeBase64, startWebServer, type WebServer } from '../../src/main/web/server'
import { bytesToWire } from '../../src/shared/contract/wire'
import { test } from '@playwright/test'

export const ORIGIN = 'https://trtc-desk.test'
const root = resolve(__dirname, '../..')
const builtDir = join(root, 'out')

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // Chromium opens its address bar's popup (a page of its own, with dozens of scripts) with every
  // window, headless too; the app's window in Electron has no address bar. Loading it competed with
  // the app's start-up for the CPU (a trace showed 200–390 ms of its script parsing during it).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
]

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
}

export interface HarnessOptions {
  headless?: boolean
  colorScheme?: 'light' | 'dark'
  locale?: string
  viewport?: { width: number; height: number }
  browser?: Browser
  seed?: string
  /** Main's data folder from an earlier harness (as after a crash or a restart); kept on close. */
  userDataDir?: string
  /** Another build of the renderer and preload (an `out` folder), e.g. a baseline for a benchmark. */
  outDir?: string
  /** How the page reaches main; by default 'web' in the Playwright project named 'web', else 'ipc'. */
  transport?: 'ipc' | 'web'
}

/** The transport of the Playwright project running this test, if any. */
function projectTransport(): 'ipc' | 'web' {
  try {
    return test.info().project.name === 'web' ? 'web' : 'ipc'
  } catch {
    return 'ipc'
  }
}

export interface Harness {
  page: Page
  context: BrowserContext
  services: Services
  /** The Demo profile's simulator, for fault injection and inspection. */
  demo: Simulator
  userDataDir: string
  /** The native open/save dialogs: a test sets what the next one answers. */
  dialogs: ScriptedFileDialogs
  logLines: string[]
  externalUrls: string[]
  /** Desktop notifications main would have shown. */
  notifications: { title: string; body: string }[]
  emit<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void>
  open(): Promise<void>
  close(): Promise<void>
}

export async function launchBrowser(headless = true): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}. Install Debian's chromium package.`)
  return chromium.launch({ executablePath: chromiumPath, headless, args: chromiumArgs })
}

/** Uint8Array values as { __bytes: base64 }: page.evaluate carries JSON-like values only. */
const withBytesAsBase64 = (v: unknown): unknown => bytesToWire(v, nodeBase64)

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = join(opts.outDir ?? builtDir, 'renderer')
  const preloadPath = join(opts.outDir ?? builtDir, 'preload/index.js')
  if (!existsSync(preloadPath)) throw new Error('Build first: out/preload/index.js is missing (npm run build).')
  const ownBrowser = opts.browser ? null : await launchBrowser(opts.headless ?? true)
  const browser = opts.browser ?? ownBrowser!
  const locale = opts.locale ?? 'en-US'
  const context = await browser.newContext({
    colorScheme: opts.colorScheme ?? 'light',
    locale,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'block',
  })
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'trtc-desk-harness-')))
  const dialogs = new ScriptedFileDialogs()
  const logLines: string[] = []
  const externalUrls: string[] = []
  const notifications: { title: string; body: string }[] = []
  const log: Logger = {
    error: (m, d) => logLines.push(`error ${m} ${d instanceof Error ? d.stack : JSON.stringify(d ?? '')}`),
    warn: (m, d) => logLines.push(`warn ${m} ${JSON.stringify(d ?? '')}`),
    info: (m, d) => logLines.push(`info ${m} ${JSON.stringify(d ?? '')}`),
  }
  const pages = new Set<Page>()
  const transport = opts.transport ?? projectTransport()
  let web: WebServer | null = null
  const emit = async <E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (web) return web.emit(event, payload)
    await Promise.all(
      [...pages].map((p) =>
        p
          .evaluate(([e, v]) => (window as unknown as { __electronShimEmit(e: string, v: unknown): void }).__electronShimEmit(e, v), [event, withBytesAsBase64(payload)] as const)
          // A window closed while main was still working gets no more events, as in Electron.
          .catch(() => undefined),
      ),
    )
  }
  const appInfo: AppInfo = {
    name: 'TRTC Desk',
    version: JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version as string,
    versions: { electron: '', chrome: browser.version(), node: process.versions.node, v8: process.versions.v8 },
    platform: process.platform,
    arch: process.arch,
    systemLocales: [locale],
    shell: transport === 'web' ? 'web' : 'desktop',
  }
  const demo = await startSimulator({ seed: opts.seed ?? 'harness' })
  const services = await createServices({
    startDemo: async () => demoCloudOf(demo),
    userDataDir,
    secrets: new InMemorySecretStore(),
    appInfo,
    log,
    emit: (event, payload) => void emit(event, payload),
    openExternal: async (url) => {
      externalUrls.push(url)
    },
    dialogs,
    notify: (title, body) => void notifications.push({ title, body }),
  })

  if (transport === 'web') web = await startWebServer({ rendererDir, preloadFile: preloadPath, dispatch: services.dispatch, log })
  else await bindIpc()

  async function bindIpc(): Promise<void> {
    // The production registration, against an ipcMain stand-in.
    const ipcHandlers = new Map<string, (event: unknown, request: unknown) => unknown>()
    registerIpc(
      {
        handle: (channel: string, fn: (event: never, request: unknown) => unknown) => void ipcHandlers.set(channel, fn as never),
        removeHandler: (channel: string) => void ipcHandlers.delete(channel),
      } as never,
      services.dispatch,
      createSenderCheck(ORIGIN + '/'),
    )

    await context.exposeBinding('__electronShimInvoke', async (source, channel: string, request: unknown) => {
      const handler = ipcHandlers.get(channel)
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      const senderFrame = { url: source.frame.url(), parent: source.frame.parentFrame() ? {} : null }
      return handler({ senderFrame }, request)
    })

    const preload = await readFile(preloadPath, 'utf8')
    await context.addInitScript({
      content: `(() => {
        const listeners = new Map();
        const electron = {
          contextBridge: {
            exposeInMainWorld(name, value) {
              Object.defineProperty(window, name, { value, enumerable: true, configurable: false, writable: false });
            },
          },
          ipcRenderer: {
            invoke: (channel, request) => window.__electronShimInvoke(channel, request),
            on(event, fn) { if (!listeners.has(event)) listeners.set(event, new Set()); listeners.get(event).add(fn); },
            removeListener(event, fn) { listeners.get(event)?.delete(fn); },
          },
        };
        // Electron's structured clone keeps Uint8Array; the harness carries them as base64 and revives them here.
        const revive = (v) => {
          if (v && typeof v === 'object' && typeof v.__bytes === 'string') return Uint8Array.from(atob(v.__bytes), (c) => c.charCodeAt(0));
          if (Array.isArray(v)) return v.map(revive);
          if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
          return v;
        };
        Object.defineProperty(window, '__electronShimEmit', {
          value: (event, payload) => { const p = revive(payload); for (const fn of listeners.get(event) ?? []) fn({}, p); },
        });
        const require = (name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name); };
        (function (require) { ${preload}\n })(require);
      })();`,
    })

    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin !== ORIGIN) return route.abort('blockedbyclient')
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html'
      const file = join(rendererDir, rel)
      if (!file.startsWith(rendererDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' })
      return route.fulfill({ status: 200, body: await readFile(file), headers: { 'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream' } })
    })
  }

  const page = await context.newPage()
  pages.add(page)
  page.on('close', () => pages.delete(page))
  page.on('pageerror', (e) => logLines.push(`pageerror ${e.stack ?? e.message}`))

  return {
    page,
    context,
    services,
    demo,
    userDataDir,
    dialogs,
    logLines,
    externalUrls,
    notifications,
    emit,
    open: async () => {
      await page.goto(web ? web.url : `${ORIGIN}/index.html`)
    },
    close: async () => {
      await context.close()
      await web?.close()
      await ownBrowser?.close()
      await services.close()
      await demo.close().catch(() => undefined)
      if (!opts.userDataDir) await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
