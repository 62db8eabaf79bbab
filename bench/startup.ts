// Renderer start-up: from navigation to the first interactive screen (the Rooms view rendered and
// the profile known), median of several runs in the Chromium harness; and the initial JavaScript
// the renderer loads, raw and gzip. Two clocks: the page's own (navigation start → the moment a
// MutationObserver sees the screen) and the test driver's (goto → Playwright seeing it, which adds
// the driver's round trips). Also on the page's clock: the first contentful paint, when that
// screen is first drawn (after its style and layout). BENCH_TRANSPORT=web loads the page over the
// `npm run web` server instead of the harness's routed files and CDP binding. BENCH_BASELINE_OUT
// names another build's `out` folder (e.g. an earlier commit's); its runs are interleaved with
// ours, one each in turn, and the ratio of the medians is reported. BENCH_LOCALE (default en-US) is
// the browser's and the OS's language, e.g. zh-CN for the Chinese first screen.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { launchBrowser, startHarness } from '../tests/harness/harness'

const runs = Number(process.env.BENCH_RUNS ?? 9)
const locale = process.env.BENCH_LOCALE ?? 'en-US'

async function initialJsSize(out: string): Promise<{ raw: number; gzip: number; files: number }> {
  const dir = join(out, 'renderer')
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

/**
 * In the page: the time since navigation start when the Rooms view is there and the profile named
 * (interactive), and when the browser first painted content (the first screen: the shell draws
 * nothing before it).
 */
const INTERACTIVE = `(() => {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__paintedAt = e.startTime
  }).observe({ type: 'paint', buffered: true })
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

interface Sample {
  page: number
  painted: number
  driver: number
}

async function once(browser: Browser, outDir: string): Promise<Sample> {
  const h = await startHarness({ browser, outDir, transport: process.env.BENCH_TRANSPORT === 'web' ? 'web' : 'ipc', locale })
  try {
    await h.context.addInitScript({ content: INTERACTIVE })
    const start = performance.now()
    await h.open()
    await h.page.getByTestId('view-rooms').waitFor()
    await h.page.getByTestId('profile-switcher').filter({ hasNotText: '…' }).waitFor()
    const driver = performance.now() - start
    // Polled with evaluate: the page's CSP forbids the string evaluation waitForFunction uses.
    for (;;) {
      const [page, painted] = (await h.page.evaluate('[window.__interactiveAt, window.__paintedAt]')) as [number, number | undefined]
      if (painted !== undefined) return { page, painted, driver }
      await h.page.waitForTimeout(20)
    }
  } finally {
    await h.close()
  }
}

async function main(): Promise<void> {
  const ours = resolve(__dirname, '../out')
  const baseline = process.env.BENCH_BASELINE_OUT
  const builds = baseline ? [ours, resolve(baseline)] : [ours]
  const samples: Sample[][] = builds.map(() => [])
  const browser = await launchBrowser(true)
  try {
    for (let i = 0; i < runs; i++) for (const [b, dir] of builds.entries()) samples[b]!.push(await once(browser, dir))
  } finally {
    await browser.close()
  }
  const out = (o: object) => process.stdout.write(JSON.stringify(o) + '\n')
  const transport = process.env.BENCH_TRANSPORT ?? 'ipc'
  const stats = (xs: number[]) => ({ median: +median(xs).toFixed(1), min: +Math.min(...xs).toFixed(1), max: +Math.max(...xs).toFixed(1) })
  for (const [b, dir] of builds.entries()) {
    const who = b === 0 ? 'ours' : 'baseline'
    const size = await initialJsSize(dir)
    out({ bench: 'renderer.firstInteractive', build: who, unit: 'ms', clock: 'page', transport, locale, ...stats(samples[b]!.map((x) => x.page)), runs, target: '< 500' })
    out({ bench: 'renderer.firstPaint', build: who, unit: 'ms', clock: 'page', transport, locale, ...stats(samples[b]!.map((x) => x.painted)), runs })
    out({ bench: 'renderer.firstInteractive', build: who, unit: 'ms', clock: 'driver', transport, ...stats(samples[b]!.map((x) => x.driver)), runs })
    out({ bench: 'renderer.initialJs', build: who, unit: 'bytes', raw: size.raw, gzip: size.gzip, files: size.files, target: 'gzip ≤ 150 kB' })
  }
  if (baseline) {
    const ratio = (f: (x: Sample) => number) => +(median(samples[0]!.map(f)) / median(samples[1]!.map(f))).toFixed(3)
    out({ bench: 'renderer.firstInteractive.ratio', clock: 'page', transport, locale, oursOverBaseline: ratio((x) => x.page) })
    out({ bench: 'renderer.firstPaint.ratio', clock: 'page', transport, locale, oursOverBaseline: ratio((x) => x.painted) })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
