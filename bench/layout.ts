// `tsx bench/layout.ts`: dragging one tile among 25 with snapping on. Each of 10,000 pointer moves
// runs what the editor runs per move — snapRect against the other 24 tiles, then updateGesture
// (applyCommand on the document at pointer-down) — and the time per move is measured. Also a
// resize drag, and the compilers over the final document. Prints one JSON line per figure.
import { performance } from 'node:perf_hooks'
import { toMcu, toRecording } from '../src/shared/layout/compile'
import { beginGesture, createHistory, endGesture, updateGesture, type History } from '../src/shared/layout/history'
import { createDoc, makeTile, type LayoutDoc } from '../src/shared/layout/model'
import { snapRect } from '../src/shared/layout/snap'
import { validate } from '../src/shared/layout/validate'

const emit = (o: object): void => {
  process.stdout.write(JSON.stringify(o) + '\n')
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

function summary(name: string, samples: number[]): void {
  const s = [...samples].sort((a, b) => a - b)
  const r = (n: number): number => Math.round(n * 10000) / 10000
  emit({ bench: name, moves: s.length, p50_ms: r(quantile(s, 0.5)), p95_ms: r(quantile(s, 0.95)), p99_ms: r(quantile(s, 0.99)), max_ms: r(s[s.length - 1] ?? 0) })
}

// 25 tiles on 1920×1080: a 5 × 5 grid with gaps, every other one bound to a user.
function startDoc(): LayoutDoc {
  const doc = createDoc('1920x1080', 'bench')
  doc.tiles = Array.from({ length: 25 }, (_, i) => {
    const t = makeTile(`t${i + 1}`, { x: (i % 5) * 384 + 8, y: Math.floor(i / 5) * 216 + 8, width: 368, height: 200 }, i)
    return i % 2 === 0 ? { ...t, binding: { kind: 'user' as const, userId: `user_${i}`, roomId: '295066', roomIdType: 'number' as const, streamType: 'camera' as const } } : t
  })
  return doc
}

const MOVES = 10_000
const opts = { threshold: 8, enabled: true }

function dragMove(report: boolean): History {
  let h = beginGesture(createHistory(startDoc()))
  const base = h.present
  const moving = base.tiles[12]
  if (!moving) throw new Error('bench document has no tile 13')
  const others = base.tiles.filter((t) => t !== moving)
  const samples: number[] = []
  for (let i = 0; i < MOVES; i++) {
    // A wandering pointer: a Lissajous path across the whole canvas.
    const px = 760 * Math.sin(i / 97)
    const py = 420 * Math.sin(i / 61)
    const t0 = performance.now()
    const snapped = snapRect({ x: moving.x + px, y: moving.y + py, width: moving.width, height: moving.height }, others, base.canvas, opts)
    h = updateGesture(h, { type: 'moveTiles', ids: [moving.id], dx: snapped.rect.x - moving.x, dy: snapped.rect.y - moving.y })
    samples.push(performance.now() - t0)
  }
  h = endGesture(h)
  if (report) {
    summary('layout.drag.snap+applyCommand', samples)
    emit({ bench: 'layout.drag.undoEntries', value: h.past.length })
  }
  return h
}

function dragResize(): void {
  let h = beginGesture(createHistory(startDoc()))
  const base = h.present
  const t = base.tiles[6]
  if (!t) throw new Error('bench document has no tile 7')
  const others = base.tiles.filter((o) => o !== t)
  const samples: number[] = []
  for (let i = 0; i < MOVES; i++) {
    const dx = 300 * Math.sin(i / 53)
    const dy = 200 * Math.sin(i / 71)
    const t0 = performance.now()
    const snapped = snapRect({ x: t.x, y: t.y, width: t.width + dx, height: t.height + dy }, others, base.canvas, { ...opts, edges: 'se' })
    h = updateGesture(h, { type: 'resizeTile', id: t.id, handle: 'se', dx: snapped.rect.width - t.width, dy: snapped.rect.height - t.height })
    samples.push(performance.now() - t0)
  }
  summary('layout.resize.snap+applyCommand', samples)
}

// Warm up the JIT once so the figures describe steady dragging, not the first frame.
dragMove(false)
const h = dragMove(true)
dragResize()

// Validation and both compilers over the dragged 25-tile document: what the editor runs when it
// shows issues and the request preview.
function perCall(name: string, f: () => unknown, n = 2000): void {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) f()
  emit({ bench: name, calls: n, mean_ms: Math.round(((performance.now() - t0) / n) * 10000) / 10000 })
}
perCall('layout.validate.mcu', () => validate(h.present, 'mcu'))
perCall('layout.toMcu', () => toMcu(h.present))
perCall('layout.toRecording', () => toRecording(h.present))
