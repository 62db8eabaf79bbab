// The single entry to SEI reading: push chunks of any size, get the SEI messages completed so far.
// The container is sniffed from the first bytes unless given. Memory stays flat on any input:
// frame data is skipped in place; only headers, SEI units and moov/moof boxes are gathered.
// Nothing here throws on hostile input; problems become warnings.

import { AnnexBNals } from './annexB'
import { FlvParser } from './flv'
import { Mp4Parser } from './mp4'
import { MpegTsParser, tsLayout } from './mpegTs'
import { type SeiCodec } from './seiWriter'
import { type SeiMessage, SeiSink, type Warning } from './seiSink'

export type { SeiMessage } from './seiSink'

export type SeiContainer = 'flv' | 'mp4' | 'ts' | 'h264' | 'h265'

export interface SeiReaderOptions {
  container?: SeiContainer
  /**
   * MP4 only: the payload of the moov box, for a file whose moov follows mdat, read ahead by a
   * caller with random access. Without it such a file is scanned as described in mp4.ts.
   */
  mp4Moov?: Uint8Array
  /** Raw .h264/.h265 carry no clock: times count pictures at this rate (default 25, as ffmpeg assumes). */
  rawFrameRate?: number
}

export interface SeiReader {
  /** Keeps no reference to the chunk after it returns, so the caller may refill one buffer. */
  push(chunk: Uint8Array): SeiMessage[]
  end(): SeiMessage[]
  readonly warnings: Warning[]
  /** Known once sniffed or given; undefined while too few bytes have arrived or when unrecognised. */
  readonly container: SeiContainer | undefined
  /** Known once the container has said (FLV/MP4/TS) or the raw stream was sniffed. */
  readonly codec: SeiCodec | undefined
}

interface Parser {
  push(chunk: Uint8Array): void
  end(): void
  readonly codec: SeiCodec | undefined
}

const mp4BoxTypes = new Set(['ftyp', 'styp', 'moov', 'moof', 'mdat', 'free', 'skip', 'wide', 'pdin', 'sidx', 'uuid'])

/** Enough for FLV, an MP4 box header, three TS sync bytes and a raw stream's first NAL header. */
const sniffBytes = 380

/**
 * The container from the first bytes: "FLV"; an MP4 box type at 4; 0x47 every 188 (192, 204) bytes; a start
 * code then a NAL header. undefined: not recognised (or, with final false, more bytes may tell).
 */
export function sniffContainer(head: Uint8Array, final: boolean): SeiContainer | undefined {
  if (head.length >= 3 && head[0] === 0x46 && head[1] === 0x4c && head[2] === 0x56) return 'flv'
  if (head.length >= 8 && mp4BoxTypes.has(String.fromCharCode(head[4] as number, head[5] as number, head[6] as number, head[7] as number))) return 'mp4'
  // Packets of 188, 192 or 204 bytes: two sync bytes a packet apart (a short final input: one).
  if ((head[0] === 0x47 || head[4] === 0x47) && (head.length >= sniffBytes || final)) {
    if (tsLayout(head) || (final && head[0] === 0x47 && head.length < 189)) return 'ts'
  }
  let i = 0
  while (i < head.length && i < 64 && head[i] === 0) i++
  if (i >= 2 && head[i] === 1 && i + 2 < head.length) {
    const b0 = head[i + 1] as number
    const b1 = head[i + 2] as number
    if (b0 & 0x80) return undefined
    // H.265 headers have nuh_layer_id 0 and nuh_temporal_id_plus1 ≥ 1 in the second byte, and
    // streams open with VPS/SPS/PPS/AUD/SEI (types 32–35, 39); H.264 opens with SPS/PPS/AUD/SEI.
    const h265Type = (b0 >> 1) & 0x3f
    if (b1 >= 1 && b1 <= 7 && [32, 33, 34, 35, 39].includes(h265Type)) return 'h265'
    return 'h264'
  }
  return undefined
}

export function createSeiReader(options: SeiReaderOptions = {}): SeiReader {
  const sink = new SeiSink()
  let container: SeiContainer | undefined = options.container
  let parser: Parser | undefined
  let head: Uint8Array | undefined = new Uint8Array(0)
  let rejected = false
  let codec: SeiCodec | undefined
  const frameRate = options.rawFrameRate !== undefined && options.rawFrameRate > 0 && Number.isFinite(options.rawFrameRate) ? options.rawFrameRate : 25

  function open(kind: SeiContainer): Parser {
    switch (kind) {
      case 'flv':
        return new FlvParser(sink)
      case 'mp4':
        return new Mp4Parser(sink, options.mp4Moov)
      case 'ts':
        return new MpegTsParser(sink)
      default: {
        const nals = new AnnexBNals(kind, sink, 1000 / frameRate)
        let offset = 0
        return {
          codec: kind,
          push(chunk) {
            nals.push(chunk, offset, 0)
            offset += chunk.length
          },
          end() {
            nals.flush()
          },
        }
      }
    }
  }

  function feed(chunk: Uint8Array, final: boolean): void {
    if (parser) {
      parser.push(chunk)
      return
    }
    if (rejected || !head) return
    const joined = new Uint8Array(head.length + chunk.length)
    joined.set(head)
    joined.set(chunk, head.length)
    container ??= sniffContainer(joined, final)
    if (!container) {
      if (final || joined.length >= sniffBytes) {
        rejected = true
        head = undefined
        sink.warn('warn.reader.unknownInput')
      } else head = joined
      return
    }
    head = undefined
    parser = open(container)
    parser.push(joined)
  }

  return {
    push(chunk) {
      try {
        feed(chunk, false)
      } catch (e) {
        // A parser bug must not take the caller down with it; the input is abandoned instead.
        parser = undefined
        rejected = true
        sink.warn('warn.reader.internal', { reason: e instanceof Error ? e.message.slice(0, 120) : String(e) })
      }
      return sink.drain()
    },
    end() {
      try {
        if (!parser && head && head.length > 0) feed(new Uint8Array(0), true)
        else if (!parser && !rejected && head) sink.warn('warn.reader.empty')
        parser?.end()
        codec = parser?.codec ?? codec
      } catch (e) {
        sink.warn('warn.reader.internal', { reason: e instanceof Error ? e.message.slice(0, 120) : String(e) })
      }
      parser = undefined
      return sink.drain()
    },
    get warnings() {
      return sink.warnings
    },
    get container() {
      return container
    },
    get codec() {
      return parser?.codec ?? codec ?? (container === 'h264' || container === 'h265' ? container : undefined)
    },
  }
}
