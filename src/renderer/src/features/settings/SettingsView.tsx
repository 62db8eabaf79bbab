import { PageHeader } from '../../components/PageHeader'
import { ProfilesCard } from './ProfilesCard'
import { RequestLogCard } from './RequestLogCard'
import { UserSigCard } from './UserSigCard'
import { useApp, useT } from '../shell/context'
import { selectLocale } from '../shell/appStore'
import type { LanguageSetting, Theme } from '../../../../shared/contract/contract'

const themes: Theme[] = ['system', 'light', 'dark']
const languages: LanguageSetting[] = ['system', 'en', 'zh-CN']

export function SettingsView() {
  const t = useT()
  const settings = useApp((s) => s.settings)
  const change = useApp((s) => s.settingsChanged)
  const locale = useApp(selectLocale)
  const openAbout = useApp((s) => s.aboutToggled)
  const resolvedName = locale === 'zh-CN' ? t('settings.language.zh-CN') : t('settings.language.en')

  return (
    <section className="page" data-testid="view-settings">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <div className="card">
        <h2>{t('settings.appearance')}</h2>
        <fieldset className="segmented" disabled={!settings}>
          <legend>{t('settings.theme')}</legend>
          {themes.map((theme) => (
            <label key={theme} className="segment">
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={settings?.theme === theme}
                onChange={() => void change({ theme })}
              />
              <span>{t(`settings.theme.${theme}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('settings.language')}</span>
          <select
            data-testid="language-select"
            value={settings?.language ?? 'system'}
            disabled={!settings}
            onChange={(e) => void change({ language: e.target.value as LanguageSetting })}
          >
            {languages.map((l) => (
              <option key={l} value={l}>
                {l === 'system' ? t('settings.language.system', { resolved: resolvedName }) : t(`settings.language.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProfilesCard />
      <UserSigCard />
      <RequestLogCard />
      <div className="card">
        <h2>{t('settings.about')}</h2>
        <button type="button" className="button" onClick={() => openAbout(true)} data-testid="open-about">
          {t('settings.about.open')}
        </button>
      </div>
    </section>
  )
}
