// The sidebar's shortcut tooltips; loaded after the first screen is painted (App.tsx).
import type { ReactElement } from 'react'
import * as Tooltip from '@radix-ui/react-tooltip'

export interface NavItem {
  key: string
  button: ReactElement
  tip: string
}

export default function NavTooltips(props: { items: NavItem[] }) {
  return (
    <Tooltip.Provider delayDuration={400}>
      {props.items.map((x) => (
        <Tooltip.Root key={x.key}>
          <Tooltip.Trigger asChild>{x.button}</Tooltip.Trigger>
          <Tooltip.Portal>
            <Tooltip.Content className="tooltip" side="right" sideOffset={6}>
              {x.tip}
            </Tooltip.Content>
          </Tooltip.Portal>
        </Tooltip.Root>
      ))}
    </Tooltip.Provider>
  )
}
