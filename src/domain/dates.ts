/**
 * 成文日期 as clerks write it: `2026-01-20`, `2026年1月20日`, `2026/1/20`, `2026.1.20` (full-width
 * digits too). An incomplete or impossible date is refused with the reason, never dropped.
 */

import { chineseDate, toHalfWidth } from './text'

export type DateParse = { ok: true; value: string } | { ok: false; reason: string }

const FULL = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/
const YEAR_ONLY = /^(\d{4})\s*年?$/

const EXAMPLE = '如 2026-01-20 或 2026年1月20日'

/** `YYYY-MM-DD` of a day that exists, or why the text is not one; '' stays '' (not filled). */
export function parseIssuedOn(text: string): DateParse {
  const t = toHalfWidth(text.trim())
  if (!t) return { ok: true, value: '' }
  const m = FULL.exec(t)
  if (!m) {
    if (YEAR_MONTH.test(t) || YEAR_ONLY.test(t)) {
      return { ok: false, reason: `成文日期“${text.trim()}”不完整，请写出年、月、日，${EXAMPLE}` }
    }
    return { ok: false, reason: `无法识别成文日期“${text.trim()}”，请写成年、月、日，${EXAMPLE}` }
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const value = `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const date = new Date(`${value}T00:00:00Z`)
  if (month < 1 || month > 12 || Number.isNaN(date.getTime()) || date.getUTCDate() !== day) {
    return { ok: false, reason: `${year}年${month}月${day}日不存在，请核对成文日期` }
  }
  return { ok: true, value }
}

/** A question (not a refusal) when the report is dated before its year has ended. */
export function issuedOnQuestion(issuedOn: string, year: number): string {
  const written = chineseDate(issuedOn)
  if (!written || issuedOn >= `${year}-12-31`) return ''
  return `成文日期${written}早于报告年度结束（${year}年12月31日），年度报告通常在次年初成文，请确认。`
}
