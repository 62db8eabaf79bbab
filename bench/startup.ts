// Renderer start-up: from navigation to the first interactive screen (the Rooms view rendered and
// the profile known), median of several runs in the Chromium harness; and the initial JavaScript
// the renderer loads, raw and gzip. Two clocks: the page's own (navigation start → the moment a
// MutationObserver sees the screen, as the user would) and the test driver's (goto → Playwright
// seeing it, which adds the driver's round trips). BENCH_TRANSPORT=web loads the page over the
// `npm run web` server instead of the harness's routed files and CDP binding.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchBrowser, startHarness } from '../tests/harness/harness'

const runs = Number(process.env.BENCH_RUNS ?? 9)

async function initialJsSize(): Promise<{ raw: number; gzip: number; files: number }> {
  const dir = resolve(__dirname, '../out/renderer')
  const html = await readFile(join(dir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!)
  let raw = 0
  let gzip = 0
  for (const rel of scripts) {
    const bytes = await readFile(join(dir, rel))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { raw, gzip, files: scripts.length }
}

/** In the page: the time since navigation start when the Rooms view is there and the profile named. */
const INTERACTIVE = `(() => {
  const seen = () => {
    const p = document.querySelector('[data-testid="profile-switcher"]')
    if (document.querySelector('[data-testid="view-rooms"]') && p && !p.textContent.includes('…')) {
      window.__interactiveAt = performance.now()
      return true
    }
    return false
  }
  const mo = new MutationObserver(() => seen() && mo.disconnect())
  document.addEventListener('DOMContentLoaded', () => seen() || mo.observe(document.body, { childList: true, subtree: true, characterData: true }))
})()`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const browser = await launchBrowser(true)
  const times: number[] = []
  const driver: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const h = await startHarness({ browser, transport: process.env.BENCH_TRANSPORT === 'web' ? 'web' : 'ipc' })
      try {
        await h.context.addInitScript({ content: INTERACTIVE })
        const start = performance.now()
        await h.open()
        await h.page.getByTestId('view-rooms').waitFor()
        await h.page.getByTestId('profile-switcher').filter({ hasNotText: '…' }).waitFor()
        driver.push(performance.now() - start)
        times.push((await h.page.evaluate('window.__interactiveAt')) as number)
      } finally {
        await h.close()
      }
    }
  } finally {
    await browser.close()
  }
  const size = await initialJsSize()
  const out = (o: object) => process.stdout.write(JSON.stringify(o) + '\n')
  out({ bench: 'renderer.firstInteractive', unit: 'ms', clock: 'page', transport: process.env.BENCH_TRANSPORT ?? 'ipc', median: +median(times).toFixed(1), min: +Math.min(...times).toFixed(1), max: +Math.max(...times).toFixed(1), runs, target: '< 500' })
  out({ bench: 'renderer.firstInteractive', unit: 'ms', clock: 'driver', transport: process.env.BENCH_TRANSPORT ?? 'ipc', median: +median(driver).toFixed(1), min: +Math.min(...driver).toFixed(1), max: +Math.max(...driver).toFixed(1), runs })
  out({ bench: 'renderer.initialJs', unit: 'bytes', raw: size.raw, gzip: size.gzip, files: size.files })
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
