// `npm run web [-- --port N] [--host ADDRESS]`: TRTC Desk in a browser. Main's services run in this
// Node process (credentials in the OS keychain through keytar where it loads; the Demo profile
// always), the built renderer is served on 127.0.0.1, and the first line printed is the address to
// open. With --host the server listens on that address too: the token is still required, and
// anyone who has it can use this machine's credentials.
import { mkdir, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { KeytarSecretStore } from '../credentials/secretStore'
import { createServices } from '../services'
import { startWebServer, type WebServer } from './server'
import type { Logger } from '../ipc/dispatch'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** Where the desktop app keeps its files on this OS (Electron's userData for "TRTC Desk"), so both share profiles and layouts. */
function userDataDir(): string {
  const name = 'TRTC Desk'
  if (process.env.TRTC_DESK_DATA_DIR) return resolve(process.env.TRTC_DESK_DATA_DIR)
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name)
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name)
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name)
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '../../..')
  const log: Logger = {
    error: (m, d) => process.stderr.write(`error ${m} ${d instanceof Error ? d.message : JSON.stringify(d ?? '')}\n`),
    warn: (m, d) => process.stderr.write(`warn ${m} ${JSON.stringify(d ?? '')}\n`),
    info: () => undefined,
  }
  const dir = userDataDir()
  await mkdir(dir, { recursive: true })
  let web: WebServer | null = null
  const services = await createServices({
    userDataDir: dir,
    log,
    secrets: new KeytarSecretStore(),
    appInfo: {
      name: 'TRTC Desk',
      version: (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version,
      versions: { electron: '', chrome: '', node: process.versions.node, v8: process.versions.v8 },
      platform: process.platform,
      arch: process.arch,
      systemLocales: [Intl.DateTimeFormat().resolvedOptions().locale],
      shell: 'web',
    },
    openExternal: async (url) => log.warn('open in your browser', url),
    notify: (title, body) => process.stderr.write(`alert: ${title} — ${body}\n`),
    emit: (event, payload) => web?.emit(event, payload),
  })
  const host = arg('host')
  web = await startWebServer({
    rendererDir: join(root, 'out', 'renderer'),
    preloadFile: join(root, 'out', 'preload', 'index.js'),
    iconFile: join(root, 'resources', 'icon-256.png'),
    dispatch: services.dispatch,
    log,
    host,
    port: arg('port') ? Number(arg('port')) : 5180,
  })
  process.stdout.write(`TRTC Desk is running at ${web.url}\n`)
  if (host && host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
    process.stderr.write(`Listening on ${host}: anyone who can reach this machine and has the address above (with its token) can use your Tencent Cloud credentials.\n`)
  const stop = async () => {
    await web?.close()
    await services.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
    process.stderr.write(`TRTC Desk could not listen on ${arg('host') ?? '127.0.0.1'}:${arg('port') ?? 5180} (${code}). Choose another port with \`npm run web -- --port N\`${code === 'EADDRNOTAVAIL' ? ' or an address of this machine with --host' : ''}.\n`)
  else process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
