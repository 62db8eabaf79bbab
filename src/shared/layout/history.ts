// Undo history of whole documents. A discrete command is one entry (commit); a pointer gesture
// (drag, resize, marquee-nudge) is one entry however many pointer moves it has:
// beginGesture → updateGesture* → endGesture (or cancelGesture).
//
// API: History; createHistory(doc, maxDepth?); commit(h, cmd); beginGesture(h);
// updateGesture(h, cmd); endGesture(h); cancelGesture(h); undo(h); redo(h); canUndo(h); canRedo(h);
// replace(h, doc).
//
// updateGesture applies its command to the document as it was when the gesture began, so a drag
// sends the total offset since pointer-down: no drift from summing rounded steps, and every
// intermediate state is exactly reproducible.
import { applyCommand, type Command } from './commands'
import type { LayoutDoc } from './model'

export interface History {
  past: LayoutDoc[]
  present: LayoutDoc
  future: LayoutDoc[]
  /** The document at pointer-down while a gesture is under way. */
  gestureBase: LayoutDoc | null
  maxDepth: number
}

export function createHistory(doc: LayoutDoc, maxDepth = 200): History {
  return { past: [], present: doc, future: [], gestureBase: null, maxDepth: Math.max(1, maxDepth) }
}

function push(h: History, before: LayoutDoc, after: LayoutDoc): History {
  const past = [...h.past, before]
  if (past.length > h.maxDepth) past.splice(0, past.length - h.maxDepth)
  return { ...h, past, present: after, future: [], gestureBase: null }
}

export function commit(h: History, cmd: Command): History {
  const settled = h.gestureBase ? endGesture(h) : h
  const next = applyCommand(settled.present, cmd)
  return next === settled.present ? settled : push(settled, settled.present, next)
}

/** Starts (or restarts) a gesture from the present document. */
export function beginGesture(h: History): History {
  const settled = h.gestureBase ? endGesture(h) : h
  return { ...settled, gestureBase: settled.present }
}

export function updateGesture(h: History, cmd: Command): History {
  const base = h.gestureBase ?? h.present
  const present = applyCommand(base, cmd)
  return present === h.present && h.gestureBase ? h : { ...h, gestureBase: base, present }
}

/** One undo entry for the whole gesture, none if it ended where it began. */
export function endGesture(h: History): History {
  const base = h.gestureBase
  if (!base) return h
  if (base === h.present) return { ...h, gestureBase: null }
  return push(h, base, h.present)
}

export function cancelGesture(h: History): History {
  return h.gestureBase ? { ...h, present: h.gestureBase, gestureBase: null } : h
}

export const canUndo = (h: History): boolean => h.past.length > 0 || (h.gestureBase !== null && h.gestureBase !== h.present)
export const canRedo = (h: History): boolean => h.future.length > 0 && h.gestureBase === null

export function undo(h: History): History {
  const settled = endGesture(h)
  const prev = settled.past[settled.past.length - 1]
  if (!prev) return settled
  return { ...settled, past: settled.past.slice(0, -1), present: prev, future: [settled.present, ...settled.future] }
}

export function redo(h: History): History {
  const settled = endGesture(h)
  const [next, ...rest] = settled.future
  if (!next) return settled
  return { ...settled, past: [...settled.past, settled.present], present: next, future: rest }
}

/** Replaces the document without an undo entry (e.g. after opening a file). */
export function replace(h: History, doc: LayoutDoc): History {
  return createHistory(doc, h.maxDepth)
}
