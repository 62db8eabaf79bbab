// The alerts channels, bound to the alerts service.
import type { RuleInput } from '../../shared/alerts/model'
import { ok } from '../../shared/errors'
import type { Handlers } from '../ipc/dispatch'
import type { AlertsService } from './alertsService'

export function createAlertHandlers(alerts: AlertsService): Pick<Handlers, 'alerts.rules' | 'alerts.saveRule' | 'alerts.deleteRule' | 'alerts.configure' | 'alerts.list' | 'alerts.ack'> {
  return {
    'alerts.rules': async () => ok(alerts.rules()),
    // ruleSchema in the service checks the fields and reports the first problem.
    'alerts.saveRule': ({ rule }) => alerts.saveRule(rule as RuleInput),
    'alerts.deleteRule': ({ id }) => alerts.deleteRule(id),
    'alerts.configure': ({ pollIntervalS }) => alerts.configure(pollIntervalS),
    'alerts.list': async () => ok(alerts.list()),
    'alerts.ack': (req) => alerts.ack('all' in req ? 'all' : req.ids),
  }
}
