// Streaming reads for the container parsers: input arrives in chunks of any size, a parser asks
// for the next n bytes (a view into the chunk when they are contiguous, else gathered into a
// held buffer) or skips bytes it does not need, so frame data is neither copied nor kept.

export class ByteCursor {
  private chunk: Uint8Array = new Uint8Array(0)
  private pos = 0
  private chunkStart = 0
  private held = new Uint8Array(64)
  private heldLength = 0

  feed(chunk: Uint8Array): void {
    this.chunkStart += this.chunk.length
    this.chunk = chunk
    this.pos = 0
  }

  /** Absolute offset of the next byte not yet consumed (gathered bytes count as consumed). */
  get position(): number {
    return this.chunkStart + this.pos
  }

  get available(): number {
    return this.chunk.length - this.pos
  }

  /** Bytes gathered toward an unfinished take(). */
  get pending(): number {
    return this.heldLength
  }

  /**
   * The next n bytes, or undefined when the chunk ran out (the caller asks again with the same n
   * after the next feed). The view is valid until the next take().
   */
  take(n: number): Uint8Array | undefined {
    const avail = this.chunk.length - this.pos
    if (this.heldLength === 0 && avail >= n) {
      const view = this.chunk.subarray(this.pos, this.pos + n)
      this.pos += n
      return view
    }
    if (this.held.length < n) {
      const bigger = new Uint8Array(Math.max(n, this.held.length * 2))
      bigger.set(this.held.subarray(0, this.heldLength))
      this.held = bigger
    }
    const m = Math.min(n - this.heldLength, avail)
    this.held.set(this.chunk.subarray(this.pos, this.pos + m), this.heldLength)
    this.heldLength += m
    this.pos += m
    if (this.heldLength < n) return undefined
    this.heldLength = 0
    const view = this.held.subarray(0, n)
    // A large gather (a moov box, a big SEI) must not pin its memory for the rest of the stream.
    if (this.held.length > 1 << 20) this.held = new Uint8Array(64)
    return view
  }

  /** Skips up to n bytes of the current chunk; returns how many were skipped. */
  skip(n: number): number {
    const m = Math.min(n, this.chunk.length - this.pos)
    this.pos += m
    return m
  }

  /**
   * For a parser reading whole records in place: the current chunk, the index of its next byte and
   * the input offset of chunk[0]. Only meaningful while nothing is pending; consume with advance().
   */
  get bytes(): Uint8Array {
    return this.chunk
  }

  get index(): number {
    return this.pos
  }

  get chunkOffset(): number {
    return this.chunkStart
  }

  advance(n: number): void {
    this.pos += n
  }

  /** The rest of the current chunk, up to n bytes, consumed. */
  takeSome(n: number): Uint8Array {
    const m = Math.min(n, this.chunk.length - this.pos)
    const view = this.chunk.subarray(this.pos, this.pos + m)
    this.pos += m
    return view
  }
}
