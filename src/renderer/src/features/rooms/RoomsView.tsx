import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { useApp, useT } from '../shell/context'
import { selectActiveProfile } from '../shell/appStore'

export function RoomsView() {
  const t = useT()
  const active = useApp(selectActiveProfile)
  const select = useApp((s) => s.sectionSelected)
  return (
    <section className="page" data-testid="view-rooms">
      <PageHeader title={t('rooms.title')} subtitle={t('rooms.subtitle')} />
      {!active && (
        <EmptyState
          testId="rooms-no-profile"
          title={t('rooms.noProfile.title')}
          body={t('rooms.noProfile.body')}
          action={
            <button type="button" className="button primary" onClick={() => select('settings')}>
              {t('rooms.noProfile.action')}
            </button>
          }
        />
      )}
    </section>
  )
}
