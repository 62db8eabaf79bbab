import * as Dialog from '@radix-ui/react-dialog'
import { api } from '../../api'
import { useApp, useT } from './context'

export function AboutDialog() {
  const t = useT()
  const open = useApp((s) => s.aboutOpen)
  const toggle = useApp((s) => s.aboutToggled)
  const info = useApp((s) => s.appInfo)
  const rows: Array<[string, string]> = info
    ? [
        [t('about.version'), info.version],
        [t('about.electron'), info.versions.electron || '—'],
        [t('about.chrome'), info.versions.chrome || '—'],
        [t('about.node'), info.versions.node],
        [t('about.v8'), info.versions.v8],
        [t('about.platform'), `${info.platform} ${info.arch}`],
      ]
    : []
  return (
    <Dialog.Root open={open} onOpenChange={toggle}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="about-dialog">
          <Dialog.Title className="dialog-title">{t('about.title')}</Dialog.Title>
          <Dialog.Description className="muted">{t('about.description')}</Dialog.Description>
          <dl className="kv">
            {rows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <div className="dialog-actions">
            <button type="button" className="link" onClick={() => void api['shell.openExternal']({ url: 'https://trtc.io/document/34268' })}>
              {t('about.docs')}
            </button>
            <Dialog.Close asChild>
              <button type="button" className="button primary">
                {t('about.close')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
