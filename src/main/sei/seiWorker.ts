// The live SEI reader's parser, in a worker thread: however hostile a stream is, the time it costs
// is spent here, never on main's event loop. One worker per connection; main sends the stream's
// bytes as they arrive and gets the messages back as previewer entries.
import { parentPort } from 'node:worker_threads'
import { createSeiReader } from '../../shared/media/seiReader'
import { toEntry, type SeiEntry } from '../../shared/media/seiEntry'

export type ToSeiWorker = { type: 'chunk'; bytes: ArrayBuffer } | { type: 'end' }
export type FromSeiWorker = { type: 'entries'; entries: SeiEntry[] } | { type: 'ended' }

const reader = createSeiReader()
const port = parentPort!
port.on('message', (m: ToSeiWorker) => {
  const messages = m.type === 'chunk' ? reader.push(new Uint8Array(m.bytes)) : reader.end()
  if (messages.length > 0) port.postMessage({ type: 'entries', entries: messages.map(toEntry) } satisfies FromSeiWorker)
  if (m.type === 'end') port.postMessage({ type: 'ended' } satisfies FromSeiWorker)
})
