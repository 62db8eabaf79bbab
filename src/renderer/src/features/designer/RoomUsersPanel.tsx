// "Room users": pick one of the profile's apps and a room of the last 24 hours, then drag its users
// onto the canvas (or press + to place one without a mouse). The Rooms view hands rooms over here
// with "Use in designer".
import { useEffect, useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { api } from '../../api'
import type { UserRow } from '../../../../shared/contract/contract'
import { selectActiveProfile } from '../shell/appStore'
import { useApp, useT } from '../shell/context'
import { placeProblemText } from './CanvasLayers'
import { selectSettledDoc, type DesignerState } from './designerStore'
import { placeUser, startUserDrag, type DraggedUser } from './imageDrop'
import { createRoomUsersStore, type RoomUsersState } from './roomUsersStore'
import './designerDnd.css'
import { errorText } from '../../i18n/i18n'

let shared: StoreApi<RoomUsersState> | null = null
const roomUsersStore = (): StoreApi<RoomUsersState> => (shared ??= createRoomUsersStore({ api, now: Date.now }))
/** The last hand-over taken, so coming back to the designer keeps the room picked since. */
let handledSeq = 0

function UserItem(props: { user: UserRow; dragged: DraggedUser; placedIn: string | undefined; onPlace(): void }) {
  const t = useT()
  const { user } = props
  return (
    <li
      className={user.finished ? 'ru-user left' : 'ru-user'}
      draggable
      onDragStart={(e) => startUserDrag(e, props.dragged)}
      data-testid="room-user"
      data-user={user.userId}
      title={t('designer.users.dragHint')}
    >
      <span className="grip" aria-hidden="true" />
      <span className="mono">{user.userId}</span>
      {props.placedIn && <span className="placed">{t('designer.users.inTile', { tile: props.placedIn })}</span>}
      {user.finished ? <span className="muted small">{t('designer.users.left')}</span> : <span className="pill live">{t('detail.inRoom')}</span>}
      <button type="button" className="designer-icon" aria-label={t('designer.users.place', { user: user.userId })} title={t('designer.users.place', { user: user.userId })} onClick={props.onPlace}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 5v14M5 12h14" />
        </svg>
      </button>
    </li>
  )
}

export function RoomUsersPanel(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const store = roomUsersStore()
  const s = useStore(store)
  const profile = useApp(selectActiveProfile)
  const handed = useApp((a) => a.designerRoom ?? null)
  const tiles = useStore(props.store, (d) => selectSettledDoc(d).tiles)
  const [message, setMessage] = useState<string | null>(null)
  const apps = profile?.sdkAppIds ?? []

  // A hand-over from the Rooms view wins; otherwise the profile's first app.
  useEffect(() => {
    if (!handed || handed.seq === handledSeq) return
    handledSeq = handed.seq
    void store.getState().roomHandedOver(handed.sdkAppId, handed.room)
  }, [handed, store])
  useEffect(() => {
    const cur = store.getState().sdkAppId
    if (cur === null || !apps.includes(cur)) void store.getState().appChosen(apps[0] ?? null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile?.id, apps.join(',')])

  if (!profile)
    return (
      <section className="designer-panel" data-testid="designer-room-users">
        <h3>{t('designer.users.title')}</h3>
        <p className="muted small">{t('designer.users.noProfile')}</p>
      </section>
    )

  const room = s.room
  const place = (u: UserRow) => {
    if (!room) return
    const d = props.store.getState()
    const doc = d.history.present
    const selected = d.selection.length === 1 ? d.selection[0] : undefined
    const dragged = { userId: u.userId, roomId: room.roomId, roomIdType: room.roomIdType }
    const r = placeUser(doc, d.dialect, dragged, { tileId: selected })
    if (!r.ok) return setMessage(placeProblemText(t, r.problem, dragged))
    setMessage(null)
    d.commandIssued(r.cmd)
    if (r.tileId) d.selectionChanged([r.tileId])
  }
  const placedIn = (userId: string): string | undefined =>
    tiles.find((x) => x.binding.kind === 'user' && x.binding.userId === userId && room !== null && (x.binding.roomId === room.roomId || x.binding.roomId === ''))?.id

  return (
    <section className="designer-panel" data-testid="designer-room-users">
      <h3>
        {t('designer.users.title')}
        <span className="designer-spacer" />
        <button type="button" className="button small" disabled={s.roomsLoading || s.sdkAppId === null} onClick={() => void s.refreshRequested()} data-testid="room-users-refresh">
          {t('designer.users.refresh')}
        </button>
      </h3>
      <div className="ru-pickers">
        <select aria-label="SdkAppId" value={s.sdkAppId ?? ''} onChange={(e) => void s.appChosen(Number(e.target.value))} data-testid="room-users-app">
          {s.sdkAppId !== null && !apps.includes(s.sdkAppId) && <option value={s.sdkAppId}>{s.sdkAppId}</option>}
          {apps.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <select aria-label={t('designer.users.room')} value={room?.commId ?? ''} onChange={(e) => void s.roomChosen(e.target.value || null)} data-testid="room-users-room">
          <option value="">{s.roomsLoading ? t('designer.users.loadingRooms') : t('designer.users.chooseRoom', { n: s.rooms.length })}</option>
          {s.rooms.map((r) => (
            <option key={r.commId} value={r.commId}>
              {r.roomId} · {r.finished ? t('designer.users.ended') : t('designer.users.live')}
            </option>
          ))}
        </select>
      </div>
      {s.roomsError && (
        <p className="designer-error" role="alert">
          {errorText(t, s.roomsError)}
        </p>
      )}
      {s.usersError && (
        <p className="designer-error" role="alert">
          {errorText(t, s.usersError)}
        </p>
      )}
      {room && s.usersLoading && s.users.length === 0 && <p className="muted small">{t('detail.loadingUsers')}</p>}
      {room && !s.usersLoading && !s.usersError && s.users.length === 0 && <p className="muted small">{t('detail.noUsers')}</p>}
      {!room && !s.roomsLoading && <p className="muted small">{t(s.rooms.length ? 'designer.users.pickRoom' : 'designer.users.noRooms')}</p>}
      {room && s.users.length > 0 && (
        <>
          <p className="muted small">{t('designer.users.hint')}</p>
          <ul className="ru-list" data-testid="room-users-list">
            {s.users.map((u) => (
              <UserItem
                key={u.userId}
                user={u}
                dragged={{ userId: u.userId, roomId: room.roomId, roomIdType: room.roomIdType }}
                placedIn={placedIn(u.userId)}
                onPlace={() => place(u)}
              />
            ))}
          </ul>
        </>
      )}
      {message && (
        <p className="designer-error" role="alert" data-testid="room-users-message">
          {message}
        </p>
      )}
    </section>
  )
}
