import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { contentSecurityPolicy, isAppNavigation, isOpenableExternally, webPreferences } from './security'
import { checkWindowSettings } from '../../scripts/windowSettingsCheck.cjs'

describe('window security', () => {
  it('uses isolated, sandboxed renderers without Node', () => {
    expect(webPreferences('/p/preload.js')).toEqual({
      preload: '/p/preload.js',
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
  })

  it('sends a strict Content-Security-Policy, and the page carries the same script policy', () => {
    const directives = Object.fromEntries(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['connect-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/)
    const html = readFileSync(join(__dirname, '../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    for (const d of ['default-src', 'script-src', 'connect-src', 'object-src']) {
      expect(meta).toContain(`${d} ${directives[d]!.join(' ')}`)
    }
  })

  it('opens only https links to the documentation and console hosts outside the app', () => {
    for (const url of ['https://trtc.io/document/34268', 'https://www.tencentcloud.com/document/product/647', 'https://console.cloud.tencent.com/trtc', 'https://cloud.tencent.com/document/api/647'])
      expect(isOpenableExternally(url), url).toBe(true)
    for (const url of [
      'http://trtc.io',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
      'https://evil.example/',
      'https://trtc.io.evil.example/',
      'https://eviltrtc.io/',
      'https://user:pw@trtc.io/',
      'https://trtc.io:8443/',
    ])
      expect(isOpenableExternally(url), url).toBe(false)
  })

  it('navigates only within the dev server origin, compared exactly', () => {
    expect(isAppNavigation('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isAppNavigation('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false)
    expect(isAppNavigation('http://localhost:51730/', 'http://localhost:5173')).toBe(false)
    expect(isAppNavigation('http://localhost:5173/', undefined)).toBe(false)
    expect(isAppNavigation('not a url', 'http://localhost:5173')).toBe(false)
  })
})

const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }

describe('packaging', () => {
  it('turns off the Electron fuses that let another program run the binary as Node', () => {
    const config = load(readFileSync(join(__dirname, '../../electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> }
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })
})

describe('built main bundle check', () => {
  const good = `new BrowserWindow({ webPreferences: { preload: p, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true } })`
  it('passes the settings the app ships', () => {
    expect(checkWindowSettings(good)).toEqual([])
  })
  it.each([
    ['contextIsolation: false', 'contextIsolation: true'],
    ['sandbox: false', 'sandbox: true'],
    ['webSecurity: false', 'webSecurity: true'],
    ['nodeIntegration: true', 'nodeIntegration: false'],
  ])('fails when the bundle has %s', (bad, goodPart) => {
    expect(checkWindowSettings(good.replace(goodPart, bad)).length).toBeGreaterThan(0)
  })
  it('fails when the settings are not in the bundle at all', () => {
    expect(checkWindowSettings('console.log(1)').length).toBeGreaterThan(0)
  })
})
