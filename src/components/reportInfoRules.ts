import type { AgencyKind, Level, Scope } from '../domain'
import { parseIssuedOn } from '../domain/dates'
import { latestSupportedYear } from '../domain/formats'

/** What the report-info form holds while the user edits it. */
export interface ReportInfoValues {
  agencyName: string
  agencyKind: AgencyKind
  level: Level
  year: number
  issuedOn?: string
  scope: Scope
}

/** A vee-validate field rule: `true` when valid, else the message shown under the field. */
type Rule = (value: unknown) => true | string

/**
 * The report information: required name, year 2019…next year, a valid 成文日期 when given. The
 * three selects offer only valid keys, so they need no rule.
 */
export const reportInfoRules = (today = new Date()) => {
  const latest = latestSupportedYear(today)
  return {
    agencyName: (value) => {
      const name = typeof value === 'string' ? value.trim() : ''
      if (!name) return '请填写机关名称'
      return name.length <= 60 || '机关名称不超过 60 个字'
    },
    year: (value) => {
      if (typeof value !== 'number' || !Number.isInteger(value)) return '请选择报告年度'
      if (value < 2019) return '报告年度不能早于 2019 年'
      return value <= latest || `报告年度不能晚于 ${latest} 年`
    },
    // Typed as 2026-01-20 or 2026年1月20日; stored as YYYY-MM-DD (see issuedOnValue).
    issuedOn: (value) => {
      if (value === undefined) return true
      const parsed = parseIssuedOn(typeof value === 'string' ? value : '')
      return parsed.ok || parsed.reason
    },
  } satisfies Partial<Record<keyof ReportInfoValues, Rule>>
}

/** The 成文日期 to store: `YYYY-MM-DD` of what the (validated) field holds, '' when empty. */
export const issuedOnValue = (typed: string | undefined): string => {
  const parsed = parseIssuedOn(typed ?? '')
  return parsed.ok ? parsed.value : ''
}
