import { Fragment, type ReactNode } from 'react'
import type { Locale } from '../../i18n/i18n'
import { splitTemplate, useConsoleT, type Params, type TextKey } from './text'

export function formatParam(locale: Locale, v: string | number): string {
  return typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v
}

/** One row of a `<dl className="kv">`, left out when it has no value; `code` values (IDs, regions) are not translated. */
export function Detail(props: { label: string; value: ReactNode; code?: boolean; testId?: string }) {
  if (!props.value) return null
  return (
    <div>
      <dt>{props.label}</dt>
      <dd translate={props.code ? 'no' : undefined} data-testid={props.testId}>
        {props.value}
      </dd>
    </div>
  )
}

/**
 * A message with its parameters set apart: names, values, patterns and numbers are shown as they
 * are (translate="no"), the words around them in the UI language.
 */
export function Words(props: { k: TextKey; params?: Params | undefined }) {
  const { t, locale } = useConsoleT()
  return (
    <>
      {splitTemplate(t(props.k)).map((part, i) =>
        'text' in part ? (
          <Fragment key={i}>{part.text}</Fragment>
        ) : (
          <span key={i} className={typeof props.params?.[part.param] === 'number' ? 'console-param' : 'console-param name'} translate="no">
            {props.params && part.param in props.params ? formatParam(locale, props.params[part.param]!) : `{${part.param}}`}
          </span>
        ),
      )}
    </>
  )
}
