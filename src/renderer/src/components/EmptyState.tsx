import type { ReactNode } from 'react'

export function EmptyState(props: { title: string; body: string; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <p>{props.body}</p>
      {props.action}
    </div>
  )
}
