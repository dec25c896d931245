/** Whether the 规则说明 page is shown instead of the report, and at which rule. */
import { shallowRef } from 'vue'
import type { RuleId } from '../domain'

export const rulesPage = shallowRef<{ ruleId?: RuleId } | null>(null)

export const openRules = (ruleId?: RuleId) => {
  rulesPage.value = ruleId ? { ruleId } : {}
}

export const closeRules = () => {
  rulesPage.value = null
}

export const ruleDomId = (ruleId: RuleId) => `rule-${ruleId}`
