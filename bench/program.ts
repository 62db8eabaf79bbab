// The Program monitor in the Chromium harness against the Demo simulator: a 2 × 2 mix played for
// PLAY_S seconds per run (median over runs). Figures:
// - program.overlayPastDue: how far the picture was past a layout's PTS when the overlay changed to
//   it (0 = painted with its frame; the overlay's lag behind the picture), p50/p95;
// - program.seiToPaint: main emitting an SEI batch → its overlay painted, p50/p95 (includes waiting
//   for the picture to reach the layout's time, by design);
// - program.mainToWindow: the event's trip from main to the window, p50/p95;
// - program.cpu: renderer CPU (Chromium task time) and main CPU (this Node process) per second of
//   playback, in ms/s.
import { launchBrowser, startHarness } from '../tests/harness/harness'

const runs = Number(process.env.BENCH_RUNS ?? 3)
const playS = Number(process.env.PLAY_S ?? 15)
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!
const median = (xs: number[]) => pct(xs, 0.5)

interface Paint {
  mainAt: number
  windowAt: number
  paintedAt: number
  pastDueMs: number
}

async function main(): Promise<void> {
  const browser = await launchBrowser(true)
  const per: Array<Record<string, number>> = []
  try {
    for (let i = 0; i < runs; i++) {
      const h = await startHarness({ browser, viewport: { width: 1280, height: 720 } })
      try {
        await h.open()
        const page = h.page
        await page.getByTestId('nav-show').click()
        await page.getByTestId('show-starter-2x2').click()
        await page.getByTestId('show-room').locator('option').first().waitFor({ state: 'attached' })
        await page.getByTestId('show-cdn').fill('rtmp://push.example.com/live/bench')
        await page.getByTestId('show-start-button').click()
        await page.locator('[data-testid="program-monitor"][data-state="playing"]').waitFor({ timeout: 30_000 })
        await page.evaluate(() => (window.__programPaints = []))
        const cdp = await page.context().newCDPSession(page)
        await cdp.send('Performance.enable')
        const metric = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000
        const t0 = performance.now()
        const r0 = await metric()
        const c0 = process.cpuUsage()
        await page.waitForTimeout(playS * 1000)
        const seconds = (performance.now() - t0) / 1000
        const rendererMs = (await metric()) - r0
        const c1 = process.cpuUsage(c0)
        const paints = (await page.evaluate(() => window.__programPaints ?? [])) as Paint[]
        const played = await page.getByTestId('program-video').evaluate((v) => (v as HTMLVideoElement).currentTime)
        if (paints.length < 5 || played < 2) throw new Error(`the Program monitor did not play: ${paints.length} overlay changes, ${played} s of video`)
        per.push({
          pastDueP50: pct(paints.map((p) => p.pastDueMs), 0.5),
          pastDueP95: pct(paints.map((p) => p.pastDueMs), 0.95),
          seiToPaintP50: pct(paints.map((p) => p.paintedAt - p.mainAt), 0.5),
          seiToPaintP95: pct(paints.map((p) => p.paintedAt - p.mainAt), 0.95),
          mainToWindowP50: pct(paints.map((p) => p.windowAt - p.mainAt), 0.5),
          mainToWindowP95: pct(paints.map((p) => p.windowAt - p.mainAt), 0.95),
          rendererCpuMsPerS: rendererMs / seconds,
          mainCpuMsPerS: (c1.user + c1.system) / 1000 / seconds,
          overlayChanges: paints.length,
        })
      } finally {
        await h.close()
      }
    }
  } finally {
    await browser.close()
  }
  const m = (k: string) => +median(per.map((r) => r[k]!)).toFixed(1)
  const out = (o: object) => process.stdout.write(JSON.stringify(o) + '\n')
  out({ bench: 'program.overlayPastDue', unit: 'ms', p50: m('pastDueP50'), p95: m('pastDueP95'), runs, playS })
  out({ bench: 'program.seiToPaint', unit: 'ms', p50: m('seiToPaintP50'), p95: m('seiToPaintP95'), runs, playS })
  out({ bench: 'program.mainToWindow', unit: 'ms', p50: m('mainToWindowP50'), p95: m('mainToWindowP95'), runs, playS })
  out({ bench: 'program.cpu', unit: 'ms per s of playback', renderer: m('rendererCpuMsPerS'), main: m('mainCpuMsPerS'), overlayChanges: m('overlayChanges'), runs, playS })
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
