/**
 * Precision of the checker on the real-report corpus (tests/fixtures/real): per report the wrong
 * findings (raised, not in the hand audit) and the missed ones (in the audit, not raised), errors
 * and warnings apart, then the totals per report. Run: `node scripts/real-precision.mjs`.
 */
import { compareAll, type Comparison, type GradedSeverity } from '../tests/fixtures/real/compare'

const SEVERITIES: readonly GradedSeverity[] = ['error', 'warning']
const list = (ids: readonly string[]) => (ids.length ? ids.join(' ') : '—')
const perReport = (n: number, reports: number) => (reports ? (n / reports).toFixed(2) : '0')

export function precisionTable(comparisons: readonly Comparison[] = compareAll()): string {
  const rows = comparisons.map(
    (c) =>
      `| ${c.real.id} | ${c.real.kind} | ${list(c.wrong.error)} | ${list(c.missed.error)} | ${list(c.wrong.warning)} | ${list(c.missed.warning)} |`,
  )
  const total = (key: 'wrong' | 'missed', s: GradedSeverity) =>
    comparisons.reduce((n, c) => n + c[key][s].length, 0)
  const n = comparisons.length
  const withFalseError = comparisons.filter((c) => c.wrong.error.length > 0).length
  const exact = comparisons.filter((c) =>
    SEVERITIES.every((s) => !c.wrong[s].length && !c.missed[s].length),
  ).length
  return [
    `Real-report corpus: ${n} reports`,
    '',
    '| report | kind | wrong errors | missed errors | wrong warnings | missed warnings |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '| total | errors | warnings |',
    '| --- | ---: | ---: |',
    `| wrong findings | ${total('wrong', 'error')} | ${total('wrong', 'warning')} |`,
    `| wrong findings per report | ${perReport(total('wrong', 'error'), n)} | ${perReport(total('wrong', 'warning'), n)} |`,
    `| missed findings | ${total('missed', 'error')} | ${total('missed', 'warning')} |`,
    '',
    `Reports with at least one false error: ${withFalseError} of ${n}; reports checked exactly as audited: ${exact} of ${n}.`,
  ].join('\n')
}
