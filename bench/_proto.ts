import { Worker } from 'node:worker_threads'
import { createSeiReader } from '../src/shared/media/seiReader'
const path = process.argv[2]!
const slots = Number(process.env.SLOTS ?? 8), slotBytes = Number(process.env.SLOTKB ?? 256) << 10
const data = new SharedArrayBuffer(slots * slotBytes)
const ctl = new Int32Array(new SharedArrayBuffer(4 * (slots + 2))) // per slot: length (-1 empty, 0 eof)
ctl.fill(-1)
const workerCode = `
const { workerData } = require('worker_threads'); const fs = require('fs')
const { path, data, ctl, slots, slotBytes } = workerData
const fd = fs.openSync(path, 'r'); const bytes = new Uint8Array(data)
for (let i = 0; ; i = (i + 1) % slots) {
  while (Atomics.load(ctl, i) !== -1) Atomics.wait(ctl, i, Atomics.load(ctl, i))
  const n = fs.readSync(fd, bytes, i * slotBytes, slotBytes, null)
  Atomics.store(ctl, i, n); Atomics.notify(ctl, i)
  if (n === 0) break
}`
const t = performance.now()
new Worker(workerCode, { eval: true, workerData: { path, data, ctl, slots, slotBytes } })
const reader = createSeiReader()
const bytes = new Uint8Array(data)
let messages = 0, total = 0, wait = 0, first = -1
for (let i = 0; ; i = (i + 1) % slots) {
  const w0 = performance.now(); Atomics.wait(ctl, i, -1); wait += performance.now() - w0; if (first < 0) first = performance.now() - t
  const n = Atomics.load(ctl, i)
  if (n === 0) break
  messages += reader.push(bytes.subarray(i * slotBytes, i * slotBytes + n)).length
  total += n
  Atomics.store(ctl, i, -1); Atomics.notify(ctl, i)
}
messages += reader.end().length
console.log(JSON.stringify({ wait: Math.round(wait), first: Math.round(first), ms: Math.round(performance.now() - t), messages, total }))
process.exit(0)
