// Where container parsers deliver what they find. Warnings are capped so a long corrupt input
// cannot grow memory without bound.

import { walkSeiNal } from './nal'
import { sayEn, type SayParams, type WarningKey } from '../messages/catalogue'
import { type SeiCodec } from './seiWriter'

export interface SeiMessage {
  /** Presentation time in milliseconds on the container's clock. */
  ptsMs: number
  /** Byte offset in the input of the SEI NAL unit's first header byte. */
  offset: number
  codec: SeiCodec
  payloadType: number
  /** payload type 5 only: the uuid as 32 lowercase hex digits. */
  uuid?: string
  /** After the uuid for type 5; unescaped (emulation-prevention bytes removed). */
  payload: Uint8Array
}

export const maxWarnings = 200

/** A problem in the input, as a key of shared/messages/catalogue.ts and its parameters. */
export interface Warning {
  key: WarningKey
  params?: SayParams
}

/** The English wording of a warning (CLI, logs, tests). */
export const warningText = (w: Warning): string => sayEn(w.key, w.params)

/** What the NAL walkers report to. */
export interface NalSink {
  warn(key: WarningKey, params?: SayParams): void
  /** One SEI NAL unit: its first header byte and the bytes after it, still escaped. */
  sei(codec: SeiCodec | undefined, firstByte: number, body: Uint8Array, ptsMs: number, offset: number): void
}

export class SeiSink implements NalSink {
  readonly warnings: Warning[] = []
  private out: SeiMessage[] = []
  private suppressed = 0

  warn(key: WarningKey, params?: SayParams): void {
    if (this.warnings.length < maxWarnings - 1) this.warnings.push(params ? { key, params } : { key })
    else if (this.suppressed++ === 0) this.warnings.push({ key: 'warn.suppressed' })
  }

  sei(codec: SeiCodec | undefined, _firstByte: number, body: Uint8Array, ptsMs: number, offset: number): void {
    if (!codec) return
    walkSeiNal(
      codec,
      body,
      (key, params) => this.warn(key, { ...params, nal: offset }),
      (payloadType, uuid, payload) => this.out.push(uuid === undefined ? { ptsMs, offset, codec, payloadType, payload } : { ptsMs, offset, codec, payloadType, uuid, payload }),
    )
  }

  drain(): SeiMessage[] {
    const out = this.out
    this.out = []
    return out
  }
}
