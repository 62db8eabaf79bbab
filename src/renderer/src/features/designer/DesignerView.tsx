import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { useT } from '../shell/context'

export function DesignerView() {
  const t = useT()
  return (
    <section className="page" data-testid="view-designer">
      <PageHeader title={t('designer.title')} subtitle={t('designer.subtitle')} />
      <EmptyState title={t('designer.empty.title')} body={t('designer.empty.body')} />
    </section>
  )
}
