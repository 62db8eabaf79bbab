// Volume per speaker over the file's time line, with the selected message marked.
import { useEffect, useMemo, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { SeiEntry } from '../../../../shared/media/seiEntry'
import { colourFor } from './LayoutCanvas'

export function VolumeChart(props: { entries: SeiEntry[]; cursorMs: number; onSeek(ms: number): void }) {
  const host = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const onSeek = useRef(props.onSeek)
  useEffect(() => {
    onSeek.current = props.onSeek
  })

  const { data, uids } = useMemo(() => {
    const withLayout = props.entries.filter((e) => e.layout)
    const uids = [...new Set(withLayout.flatMap((e) => e.layout!.regions.map((r) => r.uid)))].slice(0, 24)
    const xs = withLayout.map((e) => e.ptsMs / 1000)
    const series = uids.map((uid) => withLayout.map((e) => e.layout!.regions.find((r) => r.uid === uid)?.volume ?? null))
    return { data: [xs, ...series] as uPlot.AlignedData, uids }
  }, [props.entries])

  useEffect(() => {
    const el = host.current
    if (!el || uids.length === 0) return
    const css = getComputedStyle(document.documentElement)
    const axis = { stroke: css.getPropertyValue('--muted').trim() || '#888', grid: { stroke: css.getPropertyValue('--border').trim() || '#ddd', width: 1 } }
    const u = new uPlot(
      {
        width: el.clientWidth || 600,
        height: 180,
        legend: { show: true },
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [{ ...axis, values: (_u, v) => v.map((s) => `${Number.isInteger(s) ? s : s.toFixed(1)} s`) }, { ...axis, size: 40 }],
        series: [{ label: 's' }, ...uids.map((uid) => ({ label: uid, stroke: colourFor(uid), width: 1.5, spanGaps: false }))],
        hooks: {
          setCursor: [],
          ready: [
            (p: uPlot) => {
              p.over.addEventListener('click', () => {
                const idx = p.cursor.idx
                if (idx !== null && idx !== undefined) onSeek.current((p.data[0][idx] as number) * 1000)
              })
            },
          ],
        },
      },
      data,
      el,
    )
    plot.current = u
    const ro = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: 180 }))
    ro.observe(el)
    return () => {
      ro.disconnect()
      u.destroy()
      plot.current = null
    }
  }, [data, uids])

  useEffect(() => {
    const u = plot.current
    if (!u) return
    const left = u.valToPos(props.cursorMs / 1000, 'x')
    u.setCursor({ left, top: 10 }, false)
  }, [props.cursorMs])

  return <div ref={host} className="volume-chart" data-testid="sei-volume-chart" />
}
