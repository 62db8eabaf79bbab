// The designer's cue list, kept in userData as cues.json. A cue that no longer reads as a layout
// (hand-edited, or from a newer version) is left out rather than failing the whole list.
import { readFile } from 'node:fs/promises'
import { cueSchema, MAX_CUES, type Cue } from '../../shared/contract/contract'
import { err, ok, type Result } from '../../shared/errors'
import { writeFileAtomic } from '../atomicFile'

export function createCueFile(path: string) {
  return {
    async load(): Promise<Result<Cue[]>> {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok([])
        return err('file.unreadable', 'err.file.cuesUnreadable', { reason: errnoOf(e) }, { message: `The cue list could not be read: ${(e as Error).message}` })
      }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        return ok([])
      }
      const items = Array.isArray((json as { cues?: unknown }).cues) ? ((json as { cues: unknown[] }).cues) : []
      const cues: Cue[] = []
      for (const item of items) {
        const c = cueSchema.safeParse(item)
        if (c.success && cues.length < MAX_CUES) cues.push(c.data)
      }
      return ok(cues)
    },
    async save(cues: Cue[]): Promise<Result<Cue[]>> {
      try {
        await writeFileAtomic(path, JSON.stringify({ version: 1, cues }, null, 1))
      } catch (e) {
        return err('file.unreadable', 'err.file.cuesUnwritable', { reason: errnoOf(e) }, { message: `The cue list could not be saved: ${(e as Error).message}` })
      }
      return ok(cues)
    },
  }
}

export type CueFile = ReturnType<typeof createCueFile>

const errnoOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'EIO'
