import { useEffect, useState } from 'react'
import * as Dialog from '@radix-ui/react-dialog'
import { api } from '../../api'
import type { ImportCandidateView } from '../../../../shared/contract/contract'
import type { AppError } from '../../../../shared/errors'
import { useApp, useT } from '../shell/context'
import { errorText } from '../../i18n/i18n'

export function ImportDialog(props: { onClose(): void }) {
  const t = useT()
  const pushed = useApp((s) => s.profilesPushed)
  const [candidates, setCandidates] = useState<ImportCandidateView[] | null>(null)
  const [imported, setImported] = useState<ImportCandidateView | null>(null)
  const [deleted, setDeleted] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [listError, setListError] = useState<AppError | null>(null)

  useEffect(() => {
    void api['profiles.discoverImports']().then((r) => (r.ok ? setCandidates(r.value) : setListError(r.error)))
  }, [])

  const take = async (c: ImportCandidateView) => {
    const r = await api['profiles.import']({ candidateId: c.id, name: c.label, site: 'china', sdkAppIds: [] })
    if (!r.ok) return setError(errorText(t, r.error))
    pushed(r.value)
    setImported(c)
  }
  const deletePlain = async (c: ImportCandidateView) => {
    const r = await api['profiles.deletePlaintext']({ candidateId: c.id })
    if (r.ok) setDeleted(true)
    else setError(errorText(t, r.error))
  }

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog wide" data-testid="import-dialog">
          <Dialog.Title className="dialog-title">{t('import.title')}</Dialog.Title>
          <Dialog.Description className="muted small">{t('profile.form.secretNote')}</Dialog.Description>
          {(error || listError) && <p className="error-text" role="alert">{error ?? errorText(t, listError!)}</p>}
          {candidates === null && !error && !listError && <p className="muted">{t('import.searching')}</p>}
          {candidates?.length === 0 && <p className="muted">{t('import.none')}</p>}
          {!imported && (
            <ul className="profile-list">
              {candidates?.map((c) => (
                <li key={c.id} className="profile">
                  <div className="profile-main">
                    <div>
                      <strong>{c.label}</strong>
                      <div className="muted small">
                        <span className="mono">{c.secretIdHint}</span> · {c.path ?? 'environment'}
                        {c.region && ` · ${c.region}`}
                      </div>
                    </div>
                    <button type="button" className="button primary" onClick={() => void take(c)} data-testid="import-take">
                      {t('import.pick')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {imported && (
            <div className="banner ok-banner" role="status">
              <p>{t('import.done')}</p>
              {imported.path && !deleted && (
                <div className="dialog-actions">
                  <button type="button" className="button" onClick={props.onClose}>{t('import.keep')}</button>
                  <button type="button" className="button danger" onClick={() => void deletePlain(imported)} data-testid="import-delete-plain">
                    {t('import.deletePlain')}
                  </button>
                </div>
              )}
              {deleted && <p>{t('import.deleted')}</p>}
            </div>
          )}
          <div className="dialog-actions">
            <span />
            <Dialog.Close asChild>
              <button type="button" className="button">{t('about.close')}</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
