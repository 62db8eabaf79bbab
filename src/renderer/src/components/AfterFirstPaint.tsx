import { Suspense, useEffect, useState, type ReactNode } from 'react'

/**
 * Draws `fallback`, a plain stand-in that already works, for the first screen, and swaps in
 * `children` (a lazy component: menus, tooltips) once that screen is painted. Their code is then
 * neither loaded nor compiled while the app starts.
 */
export function AfterFirstPaint(props: { fallback: ReactNode; children: ReactNode }) {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    // The frame after the first one, then a task: the first paint has happened by then.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return painted ? <Suspense fallback={props.fallback}>{props.children}</Suspense> : props.fallback
}
