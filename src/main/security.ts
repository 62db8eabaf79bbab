// Window security settings, kept as data so a test can assert them without Electron.
import type { WebPreferences } from 'electron'

export const webPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
})

// Everything the renderer loads is bundled; images the user drops are read into blob:/data: URLs;
// the only network peer is main (over IPC). `connect-src 'self'` leaves room for nothing else.
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

/** The documentation and console hosts links may open in the OS browser (and their subdomains). */
export const EXTERNAL_HOSTS = ['trtc.io', 'tencentcloud.com', 'cloud.tencent.com', 'console.cloud.tencent.com', 'intl.cloud.tencent.com'] as const

/** Only https links to the allowed hosts leave the app, and only to the OS browser. */
export function isOpenableExternally(url: string): boolean {
  if (!URL.canParse(url)) return false
  const u = new URL(url)
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false
  return EXTERNAL_HOSTS.some((h) => u.hostname === h || u.hostname.endsWith(`.${h}`))
}

/** Navigation inside the app: only to the dev server's exact origin (development), never elsewhere. */
export function isAppNavigation(url: string, devServerUrl: string | undefined): boolean {
  if (!devServerUrl || !URL.canParse(url) || !URL.canParse(devServerUrl)) return false
  return new URL(url).origin === new URL(devServerUrl).origin
}
