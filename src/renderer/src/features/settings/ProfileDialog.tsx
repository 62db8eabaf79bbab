import { useState } from 'react'
import * as Dialog from '@radix-ui/react-dialog'
import { api } from '../../api'
import type { ConnectionVerdictView, ProfileCreated, ProfileListItem } from '../../../../shared/contract/contract'
import { verdictText } from './verdict'
import { regions } from '../../../../shared/trtc/common'
import { useApp, useT } from '../shell/context'
import { errorText } from '../../i18n/i18n'

type Site = 'china' | 'intl' | 'region'

/** "1400000001 key" lines → apps; the key is optional. */
export function parseApps(text: string): { sdkAppId: number; sdkSecretKey?: string }[] | string {
  const apps: { sdkAppId: number; sdkSecretKey?: string }[] = []
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim()
    if (!line) continue
    const [id, key] = line.split(/\s+/, 2)
    if (!/^[1-9]\d{0,11}$/.test(id ?? '')) return `Line ${i + 1}: "${id}" is not an SDKAppID`
    apps.push({ sdkAppId: Number(id), ...(key ? { sdkSecretKey: key } : {}) })
  }
  return apps
}

export function ProfileDialog(props: { profile: ProfileListItem | null; onClose(): void }) {
  const t = useT()
  const pushed = useApp((s) => s.profilesPushed)
  const p = props.profile
  const [name, setName] = useState(p?.name ?? '')
  const [secretId, setSecretId] = useState('')
  const [secretKey, setSecretKey] = useState('')
  const [token, setToken] = useState('')
  const [site, setSite] = useState<Site>(p && 'region' in p.endpoint ? 'region' : p && 'site' in p.endpoint ? p.endpoint.site : 'china')
  const [region, setRegion] = useState(p?.defaultRegion ?? 'ap-guangzhou')
  const [apps, setApps] = useState(p ? p.sdkAppIds.join('\n') : '')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  /** Saved, but its connection test failed: it waits to be used anyway or left aside. */
  const [untried, setUntried] = useState<{ id: string; verdict: ConnectionVerdictView | null } | null>(null)
  const profiles = useApp((s) => s.profiles)
  const inUse = profiles?.profiles.find((x) => x.id === profiles.activeId)
  const current = inUse ? (inUse.kind === 'demo' ? t('profile.demoName') : inUse.name) : ''

  const save = async () => {
    const parsedApps = parseApps(apps)
    if (typeof parsedApps === 'string') return setError(parsedApps)
    const endpoint = site === 'region' ? { region } : { site }
    setSaving(true)
    const r = p
      ? await api['profiles.update']({
          id: p.id,
          patch: {
            name,
            endpoint,
            defaultRegion: region,
            ...(secretId ? { secretId } : {}),
            ...(secretKey ? { secretKey } : {}),
            ...(token ? { token } : {}),
            sdkApps: parsedApps,
          },
        })
      : await api['profiles.create']({
          profile: { name, secretId, secretKey, ...(token ? { token } : {}), endpoint, defaultRegion: region, sdkApps: parsedApps },
        })
    setSaving(false)
    if (!r.ok) return setError(errorText(t, r.error))
    pushed(r.value)
    const created = (r.value as Partial<ProfileCreated>).created
    if (created && !created.activated) return setUntried({ id: created.id, verdict: created.verdict })
    props.onClose()
  }

  const activateAnyway = async () => {
    if (!untried) return
    const r = await api['profiles.activate']({ id: untried.id })
    if (!r.ok) return setError(errorText(t, r.error))
    pushed(r.value)
    props.onClose()
  }

  if (untried)
    return (
      <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog" data-testid="profile-untried">
            <Dialog.Title className="dialog-title">{t('profile.created.title', { name })}</Dialog.Title>
            {untried.verdict && (
              <p className="verdict fail" role="status" data-testid="pf-verdict">
                {verdictText(t, untried.verdict)}
              </p>
            )}
            <Dialog.Description className="muted">{t('profile.created.body', { current })}</Dialog.Description>
            {error && <p className="error-text" role="alert">{error}</p>}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => void activateAnyway()} data-testid="pf-activate-anyway">
                {t('profile.created.activate')}
              </button>
              <Dialog.Close asChild>
                <button type="button" className="button primary" data-testid="pf-keep">
                  {t('profile.created.keep', { current })}
                </button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    )

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog wide" data-testid="profile-dialog">
          <Dialog.Title className="dialog-title">{p ? t('profile.form.editTitle', { name: p.name }) : t('profile.form.addTitle')}</Dialog.Title>
          <Dialog.Description className="muted small">{t('profile.form.secretNote')}</Dialog.Description>
          <form
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault()
              void save()
            }}
          >
            <label className="field">
              <span>{t('profile.form.name')}</span>
              <input type="text" value={name} onChange={(e) => setName(e.target.value)} required data-testid="pf-name" />
            </label>
            <label className="field">
              <span>{t('profile.form.secretId')}</span>
              <input type="text" value={secretId} autoComplete="off" spellCheck={false} placeholder={p ? t('profile.form.keep') : 'AKID…'} onChange={(e) => setSecretId(e.target.value)} required={!p} data-testid="pf-secret-id" />
            </label>
            <label className="field">
              <span>{t('profile.form.secretKey')}</span>
              <input type="password" value={secretKey} autoComplete="off" placeholder={p ? t('profile.form.keep') : ''} onChange={(e) => setSecretKey(e.target.value)} required={!p} data-testid="pf-secret-key" />
            </label>
            <label className="field">
              <span>{t('profile.form.token')}</span>
              <input type="password" value={token} autoComplete="off" placeholder={p?.hasToken ? t('profile.form.keep') : ''} onChange={(e) => setToken(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('profile.form.site')}</span>
              <select value={site} onChange={(e) => setSite(e.target.value as Site)} data-testid="pf-site">
                <option value="china">{t('profile.form.site.china')}</option>
                <option value="intl">{t('profile.form.site.intl')}</option>
                <option value="region">{t('profile.form.site.region')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('profile.form.region')}</span>
              <select value={region} onChange={(e) => setRegion(e.target.value)}>
                {regions.map((r) => (
                  <option key={r} value={r}>{r}</option>
                ))}
              </select>
            </label>
            <label className="field span2">
              <span>{t('profile.form.apps')}</span>
              <textarea rows={3} value={apps} spellCheck={false} onChange={(e) => setApps(e.target.value)} placeholder="1400000001" data-testid="pf-apps" />
              <small className="muted">{t('profile.form.appsHint')}</small>
            </label>
            {error && <p className="error-text span2" role="alert" data-testid="pf-error">{error}</p>}
            <div className="dialog-actions span2">
              <Dialog.Close asChild>
                <button type="button" className="button">{t('profile.form.cancel')}</button>
              </Dialog.Close>
              <button type="submit" className="button primary" disabled={saving} data-testid="pf-save">
                {saving && !p ? t('profile.testing') : t('profile.form.save')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
