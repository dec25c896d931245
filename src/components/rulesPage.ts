/** Whether the 规则说明 page is shown instead of the report, and at which rule. */
import { shallowRef } from 'vue'

export const rulesPage = shallowRef<{ ruleId?: string } | null>(null)

export const openRules = (ruleId?: string) => {
  rulesPage.value = ruleId ? { ruleId } : {}
}

export const closeRules = () => {
  rulesPage.value = null
}

export const ruleDomId = (ruleId: string) => `rule-${ruleId}`
