// Shared by the designer's Go live panel and the Show view: where keyboard shortcuts must not fire,
// and which live room a layout's bound users point to.
import type { RoomRow } from '../../../../shared/contract/contract'
import type { LayoutDoc } from '../../../../shared/layout/model'

/** A field that takes typed text: digits and Space typed there are text, not shortcuts. */
export const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(el.type)))

/** The live room most of a layout's bound users name, if any. */
export function boundRoom(doc: LayoutDoc, rooms: readonly RoomRow[]): RoomRow | undefined {
  const counts = new Map<string, number>()
  for (const t of doc.tiles) {
    if (t.binding.kind !== 'user' || !t.binding.roomId) continue
    const key = `${t.binding.roomIdType}:${t.binding.roomId}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  return best ? rooms.find((r) => `${r.roomIdType}:${r.roomId}` === best) : undefined
}
