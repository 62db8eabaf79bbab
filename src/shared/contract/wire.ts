// Results and events as JSON for transports that are not Electron's IPC (the browser's WebSocket
// in `npm run web`, the test harness's CDP binding): IPC's structured clone keeps Uint8Array, JSON
// does not, so bytes travel as { __bytes: base64 } and are revived on the other side. The base64
// functions are passed in: Buffer in Node, atob/btoa in a page.

export interface Base64 {
  encode(bytes: Uint8Array): string
  decode(text: string): Uint8Array
}

export function bytesToWire(v: unknown, b64: Base64): unknown {
  if (v instanceof Uint8Array) return { __bytes: b64.encode(v) }
  if (Array.isArray(v)) return v.map((x) => bytesToWire(x, b64))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bytesToWire(x, b64)]))
  return v
}

export function bytesFromWire(v: unknown, b64: Base64): unknown {
  if (v && typeof v === 'object' && typeof (v as { __bytes?: unknown }).__bytes === 'string' && Object.keys(v).length === 1) return b64.decode((v as { __bytes: string }).__bytes)
  if (Array.isArray(v)) return v.map((x) => bytesFromWire(x, b64))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bytesFromWire(x, b64)]))
  return v
}

/** One message on the web transport: a call and its answer share `id`; events carry `event`. */
export type WireMessage =
  | { kind: 'call'; id: number; channel: string; request: unknown }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'event'; event: string; payload: unknown }
