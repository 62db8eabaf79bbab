// The rooms list's quality sweep against the simulator: ROOMS live rooms, two real-time calls each
// (scale and quality) through the real signing client and rate budget. Wall time against the
// budget's lower bound: each action allows 20 calls per second, so ROOMS rooms need at least
// ROOMS / 20 seconds. Median of RUNS runs.
import { startSimulator } from '../src/simulator/server'
import { simulatorCloud } from '../src/main/testing/simulatorCloud'
import { createQualitySweep } from '../src/main/rooms/qualitySweep'
import type { RoomRow, RoomsQualityEvent } from '../src/shared/contract/contract'

const ROOMS = Number(process.env.ROOMS ?? 1000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const PER_SECOND = 20

async function main(): Promise<void> {
  const times: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const sim = await startSimulator({ seed: `quality-bench-${run}` })
    try {
      const { cloud } = simulatorCloud(sim)
      const now = Math.floor(Date.now() / 1000)
      const rooms: RoomRow[] = Array.from({ length: ROOMS }, (_, i) => ({ commId: `c${i}`, roomId: String(100000 + i), roomIdType: 'number', createTime: now - 1800, destroyTime: 0, finished: false, creator: 'u' }))
      let done = 0
      let finished: () => void = () => undefined
      const all = new Promise<void>((r) => (finished = r))
      const emit = ((event: string, e: RoomsQualityEvent) => {
        if (event !== 'rooms.quality') return
        done = e.done
        if (done >= ROOMS) finished()
      }) as never
      const sweep = createQualitySweep({ cloud, emit, now: Date.now, resweepMs: 600_000 })
      const t0 = performance.now()
      sweep.track({ sdkAppId: sim.credentials.sdkAppId, startTime: now - 3600, endTime: now }, rooms)
      await all
      times.push((performance.now() - t0) / 1000)
      sweep.close()
    } finally {
      await sim.close()
    }
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!
  const bound = ROOMS / PER_SECOND
  process.stdout.write(JSON.stringify({ bench: 'rooms.qualitySweep', unit: 's', rooms: ROOMS, median: +median.toFixed(2), lowerBound: bound, ratio: +(median / bound).toFixed(3), runs: times.map((t) => +t.toFixed(2)) }) + '\n')
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
