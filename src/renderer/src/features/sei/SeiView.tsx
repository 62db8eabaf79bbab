import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { useT } from '../shell/context'

export function SeiView() {
  const t = useT()
  return (
    <section className="page" data-testid="view-sei">
      <PageHeader title={t('sei.title')} subtitle={t('sei.subtitle')} />
      <EmptyState title={t('sei.paste.label')} body={t('sei.paste.empty')} />
    </section>
  )
}
