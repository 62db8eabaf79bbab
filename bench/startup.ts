// Renderer start-up: from navigation to the first interactive screen (the Rooms view rendered and
// its navigation clickable), median of several runs in the Chromium harness; and the initial
// JavaScript the renderer loads, raw and gzip.
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const browser = await launchBrowser(true)
  const times: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const h = await startHarness({ browser })
      try {
        const start = performance.now()
        await h.open()
        await h.page.getByTestId('view-rooms').waitFor()
        await h.page.getByTestId('profile-switcher').filter({ hasNotText: '…' }).waitFor()
        times.push(performance.now() - start)
      } finally {
        await h.close()
      }
    }
  } finally {
    await browser.close()
  }
  const size = await initialJsSize()
  const out = (o: object) => process.stdout.write(JSON.stringify(o) + '\n')
  out({ bench: 'renderer.firstInteractive', unit: 'ms', median: +median(times).toFixed(1), min: +Math.min(...times).toFixed(1), max: +Math.max(...times).toFixed(1), runs })
  out({ bench: 'renderer.initialJs', unit: 'bytes', raw: size.raw, gzip: size.gzip, files: size.files })
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
