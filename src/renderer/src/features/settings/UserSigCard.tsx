import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { DecodedUserSigView } from '../../../../shared/contract/contract'
import { useApp, useT } from '../shell/context'
import { selectActiveProfile, selectLocale } from '../shell/appStore'
import { errorText } from '../../i18n/i18n'

// PrivateMapKey rights, bit i = 1 << i: create, enter, send/receive audio, video, sub-stream (TLSSigAPIv2).
const RIGHTS = ['create', 'enter', 'sendAudio', 'receiveAudio', 'sendVideo', 'receiveVideo', 'sendSub', 'receiveSub'] as const

function remaining(seconds: number): string {
  const d = Math.floor(seconds / 86400)
  const h = Math.floor((seconds % 86400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m ${s}s`
}

export function UserSigCard() {
  const t = useT()
  const active = useApp(selectActiveProfile)
  const locale = useApp(selectLocale)
  const [sdkAppId, setSdkAppId] = useState<number | null>(null)
  const [userId, setUserId] = useState('robot_mixer')
  const [expire, setExpire] = useState(86400)
  const [sig, setSig] = useState('')
  const [decoded, setDecoded] = useState<DecodedUserSigView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [restrict, setRestrict] = useState(false)
  const [room, setRoom] = useState('')
  const [roomType, setRoomType] = useState<'number' | 'string'>('number')
  const [privileges, setPrivileges] = useState(255)
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000))
  useEffect(() => {
    const id = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000)
    return () => clearInterval(id)
  }, [])
  const app = sdkAppId ?? active?.sdkAppIds[0] ?? null

  const generate = async () => {
    if (!active || app === null) return
    const r = await api['usersig.generate']({
      profileId: active.id,
      sdkAppId: app,
      userId,
      expireSeconds: expire,
      ...(restrict ? { privateMapKey: { roomId: room.trim(), roomIdType: roomType, privileges } } : {}),
    })
    if (!r.ok) return setError(errorText(t, r.error))
    setError(null)
    setSig(r.value.userSig)
    setDecoded(r.value.decoded)
  }
  const decode = async (text: string) => {
    setSig(text)
    if (!text.trim()) return setDecoded(null)
    const r = await api['usersig.decode']({ userSig: text.trim() })
    setError(r.ok ? null : errorText(t, r.error))
    setDecoded(r.ok ? r.value : null)
  }
  const left = decoded ? decoded.time + decoded.expire - now : 0

  return (
    <div className="card" data-testid="usersig-tool">
      <h2>{t('sig.title')}</h2>
      <div className="toolbar">
        <label className="inline-field">
          <span>{t('sig.app')}</span>
          <select value={app ?? ''} onChange={(e) => setSdkAppId(Number(e.target.value))}>
            {active?.sdkAppIds.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('sig.userId')}</span>
          <input type="text" value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="sig-user" />
        </label>
        <label className="inline-field">
          <span>{t('sig.expire')}</span>
          <input type="number" min={60} value={expire} onChange={(e) => setExpire(Number(e.target.value))} style={{ width: 110 }} />
        </label>
        <button
          type="button"
          className="button primary"
          disabled={!active || app === null || !userId || (restrict && (!room.trim() || privileges === 0))}
          onClick={() => void generate()}
          data-testid="sig-generate"
        >
          {restrict ? t('sig.generateKey') : t('sig.generate')}
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={restrict} onChange={(e) => setRestrict(e.target.checked)} data-testid="sig-restrict" />
        <span>{t('sig.restrict')}</span>
      </label>
      {restrict && (
        <fieldset className="sig-key" data-testid="sig-key">
          <div className="toolbar">
            <label className="inline-field">
              <span>{t('sig.room')}</span>
              <input type="text" value={room} onChange={(e) => setRoom(e.target.value)} placeholder={roomType === 'number' ? '1234' : 'finals-2026'} data-testid="sig-room" />
            </label>
            <label className="inline-field">
              <span>{t('sig.roomType')}</span>
              <select value={roomType} onChange={(e) => setRoomType(e.target.value as 'number' | 'string')} data-testid="sig-room-type">
                <option value="number">{t('sig.roomType.number')}</option>
                <option value="string">{t('sig.roomType.string')}</option>
              </select>
            </label>
          </div>
          <div className="sig-rights" role="group" aria-label={t('sig.rights')}>
            {RIGHTS.map((r, i) => (
              <label key={r} className="check">
                <input type="checkbox" checked={(privileges & (1 << i)) !== 0} onChange={() => setPrivileges((p) => p ^ (1 << i))} data-testid={`sig-right-${r}`} />
                <span>{t(`sig.right.${r}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <label className="field wide">
        <span>{t('sig.paste')}</span>
        <textarea rows={3} value={sig} spellCheck={false} className="mono" onChange={(e) => void decode(e.target.value)} data-testid="sig-text" />
      </label>
      {error && <p className="error-text" role="alert">{error}</p>}
      {decoded && (
        <dl className="kv compact" data-testid="sig-decoded">
          <div><dt>{t('sig.identifier')}</dt><dd>{decoded.identifier}</dd></div>
          <div><dt>{t('sig.app')}</dt><dd>{decoded.sdkAppId}</dd></div>
          <div><dt>{t('sig.issued')}</dt><dd>{new Date(decoded.time * 1000).toLocaleString(locale)}</dd></div>
          <div>
            <dt>{t('sig.expires')}</dt>
            <dd>
              {new Date((decoded.time + decoded.expire) * 1000).toLocaleString(locale)} —{' '}
              <span className={left > 0 ? 'ok' : 'fail'}>{left > 0 ? t('sig.remaining', { time: remaining(left) }) : t('sig.expired')}</span>
            </dd>
          </div>
          {decoded.privateMapKey && (
            <>
              <div><dt>{t('sig.room')}</dt><dd>{decoded.privateMapKey.strRoomId ?? decoded.privateMapKey.roomId}</dd></div>
              <div>
                <dt>{t('sig.rights')}</dt>
                <dd>{RIGHTS.filter((_, i) => decoded.privateMapKey!.privilegeMap & (1 << i)).map((r) => t(`sig.right.${r}`)).join(', ') || '—'}</dd>
              </div>
            </>
          )}
        </dl>
      )}
    </div>
  )
}
