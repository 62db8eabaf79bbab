// Designer drag cost: one tile among 25 dragged with snapping on, in the Chromium harness with the
// built renderer. For every pointermove the page records the handling time (store update, snapping,
// render and DOM commit) and the gaps between animation frames during the drag. Prints JSON lines
// with p50/p95 in ms.
// Usage: npx electron-vite build && tsx bench/designer.ts   (BENCH_MOVES, default 300)
import { launchBrowser, startHarness } from '../tests/harness/harness'

const moves = Number(process.env.BENCH_MOVES ?? 300)

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

/** A 5 × 5 grid of tiles with gaps, as an UpdatePublishCdnStream body the designer imports. */
function grid25(): string {
  const list = []
  for (let r = 0; r < 5; r++)
    for (let c = 0; c < 5; c++) list.push({ LocationX: c * 384 + 12, LocationY: r * 216 + 8, ImageWidth: 360, ImageHeight: 200, ZOrder: r * 5 + c, RenderMode: 0 })
  return JSON.stringify({ VideoParams: { VideoEncode: { Width: 1920, Height: 1080, Fps: 15, BitRate: 1500, Gop: 2 }, LayoutParams: { MixLayoutMode: 4, MixLayoutList: list } } })
}

// Installed in the page: for each pointermove, the time from its capture on the viewport to its
// bubbling to the document — the canvas renders inside the event (flushSync), so this spans the
// store update, snapping, the React render and the DOM commit; plus the most guides seen and the
// gaps between animation frames (layout and paint show up there as dropped frames).
const PROBE = `(() => {
  const probe = { handling: [], frames: [], guides: 0 }
  window.probe = probe
  const vp = document.querySelector('[data-testid="designer-viewport"]')
  let t0 = 0
  vp.addEventListener('pointermove', () => { t0 = performance.now() }, { capture: true })
  document.addEventListener('pointermove', () => {
    probe.handling.push(performance.now() - t0)
    probe.guides = Math.max(probe.guides, document.querySelectorAll('[data-testid="designer-guide"]').length)
  })
  let last = performance.now()
  const frame = (t) => { probe.frames.push(t - last); last = t; requestAnimationFrame(frame) }
  requestAnimationFrame(frame)
})()`

interface Probe {
  handling: number[]
  frames: number[]
  guides: number
}

async function main(): Promise<void> {
  const browser = await launchBrowser(true)
  const h = await startHarness({ browser, viewport: { width: 1440, height: 900 } })
  try {
    await h.open()
    const page = h.page
    await page.getByTestId('nav-designer').click()
    await page.getByTestId('designer-import').click()
    await page.getByTestId('designer-import-text').fill(grid25())
    await page.getByTestId('designer-import-run').click()
    await page.getByTestId('designer-tile').nth(24).waitFor()
    const tile = await page.locator('[data-tile="t13"]').boundingBox()
    if (!tile) throw new Error('the middle tile is not visible')

    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.evaluate(PROBE)

    const cx = tile.x + tile.width / 2
    const cy = tile.y + tile.height / 2
    await page.mouse.move(cx, cy)
    await page.mouse.down()
    const started = Date.now()
    // A slow loop around the centre: the tile crosses neighbours' edges and centres, so it snaps often.
    for (let i = 1; i <= moves; i++) {
      const a = (i / moves) * Math.PI * 4
      await page.mouse.move(cx + Math.cos(a) * 180 - 180, cy + Math.sin(a) * 110)
    }
    await page.mouse.up()
    const wall = Date.now() - started
    const probe = await page.evaluate(() => (window as unknown as { probe: Probe }).probe)
    const frames = probe.frames.slice(2)
    const out = (o: object) => process.stdout.write(JSON.stringify(o) + '\n')
    out({ bench: 'designer.dragHandling', unit: 'ms', p50: +pct(probe.handling, 50).toFixed(2), p95: +pct(probe.handling, 95).toFixed(2), max: +Math.max(...probe.handling).toFixed(2), moves: probe.handling.length, tiles: 25, maxGuides: probe.guides })
    out({ bench: 'designer.dragFrameGap', unit: 'ms', p50: +pct(frames, 50).toFixed(2), p95: +pct(frames, 95).toFixed(2), frames: frames.length, wallMs: wall })
  } finally {
    await h.close()
    await browser.close()
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
