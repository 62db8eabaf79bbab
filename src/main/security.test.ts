import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, isOpenableExternally, webPreferences } from './security'

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

  it('opens only https links outside the app', () => {
    expect(isOpenableExternally('https://trtc.io/document/34268')).toBe(true)
    for (const url of ['http://trtc.io', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) {
      expect(isOpenableExternally(url)).toBe(false)
    }
  })
})
