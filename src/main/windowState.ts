// Remembers the window's size, position and maximised state between runs.
import { z } from 'zod'

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof windowStateSchema>

export const defaultWindowState: WindowState = { width: 1320, height: 860, maximized: false }

interface Rect { x: number; y: number; width: number; height: number }

/** Keeps a saved position only if its title bar is still on one of the displays. */
export function restoreWindowState(saved: unknown, displays: Rect[]): WindowState {
  const parsed = windowStateSchema.safeParse(saved)
  if (!parsed.success) return defaultWindowState
  const s = parsed.data
  if (s.x === undefined || s.y === undefined) return { ...s, x: undefined, y: undefined }
  const x = s.x
  const y = s.y
  const visible = displays.some((d) => x + 100 > d.x && x < d.x + d.width - 50 && y >= d.y && y < d.y + d.height - 50)
  return visible ? s : { ...s, x: undefined, y: undefined }
}
