// The rooms list's quality sweep against the simulator: ROOMS live rooms of a large app, each
// measured with every call the sweep makes (real-time scale and quality, the user list, the users'
// loss six at a time) through the real signing client and rate budget. Wall time against the
// budget's lower bound: every action allows 20 calls per second, so the sweep cannot finish before
// its busiest action's calls / 20 s. Median of RUNS runs, each on a fresh simulator.
import { startSimulator } from '../src/simulator/server'
import { simulatorCloud } from '../src/main/testing/simulatorCloud'
import { createQualitySweep } from '../src/main/rooms/qualitySweep'
import { createRoomsService } from '../src/main/rooms/roomsService'
import type { RoomsQualityEvent } from '../src/shared/contract/contract'

const ROOMS = Number(process.env.ROOMS ?? 1000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const PER_SECOND = 20
// About 1,100 rooms are live at once with 180 new rooms every 10 minutes.
const ROOMS_PER_SLOT = Math.ceil((ROOMS * 180) / 1000)

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const runs: Array<{ wall: number; bound: number; calls: Record<string, number> }> = []
  for (let run = 0; run < RUNS; run++) {
    const sim = await startSimulator({ seed: `quality-bench-${run}`, roomsPerSlot: ROOMS_PER_SLOT })
    try {
      const { cloud, client } = simulatorCloud(sim)
      // Every call the sweep makes, per action, and any that failed (the request log keeps only the last 500).
      const calls: Record<string, number> = {}
      let failed = 0
      const call = client.call.bind(client)
      client.call = (async (action: string, ...rest: Parameters<typeof call> extends [string, ...infer R] ? R : never) => {
        const r = await call(action, ...rest)
        calls[action] = (calls[action] ?? 0) + 1
        if (!r.ok) failed++
        return r
      }) as typeof client.call
      const now = Math.floor(Date.now() / 1000)
      const window = { sdkAppId: sim.credentials.sdkAppId, startTime: now - 3600, endTime: now }
      const listed = await createRoomsService({ cloud, emit: () => undefined, now: Date.now }).fetch({ jobId: 'bench', ...window })
      if (!listed.ok) throw new Error(listed.error.message)
      const rooms = listed.value.rooms.filter((r) => !r.finished).slice(0, ROOMS)
      if (rooms.length < ROOMS) throw new Error(`only ${rooms.length} live rooms`)
      for (const k of Object.keys(calls)) delete calls[k]
      let finished: () => void = () => undefined
      const all = new Promise<void>((r) => (finished = r))
      const emit = ((event: string, e: RoomsQualityEvent) => {
        if (event === 'rooms.quality' && e.done >= rooms.length && e.nextSweepAt !== null) finished()
      }) as never
      const sweep = createQualitySweep({ cloud, emit, now: Date.now, resweepMs: 600_000 })
      const t0 = performance.now()
      sweep.track(window, rooms)
      await all
      const wall = (performance.now() - t0) / 1000
      sweep.close()
      if (failed > 0) throw new Error(`${failed} calls failed`)
      runs.push({ wall, bound: Math.max(...Object.values(calls)) / PER_SECOND, calls: { ...calls } })
    } finally {
      await sim.close()
    }
  }
  const ratios = runs.map((r) => r.wall / r.bound)
  process.stdout.write(
    JSON.stringify({
      bench: 'rooms.qualitySweep',
      unit: 's',
      rooms: ROOMS,
      median: +median(runs.map((r) => r.wall)).toFixed(2),
      lowerBound: +median(runs.map((r) => r.bound)).toFixed(2),
      ratio: +median(ratios).toFixed(3),
      target: '<= 1.1',
      runs: runs.map((r) => ({ wall: +r.wall.toFixed(2), bound: r.bound, ratio: +(r.wall / r.bound).toFixed(3), calls: r.calls })),
    }) + '\n',
  )
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
