/** 「说明」: written for a warning, kept while its cells and text are unchanged, stored with the report. */
import { describe, expect, it } from 'vitest'
import {
  exampleReport,
  explain,
  explanationOf,
  partitionFindings,
  restoreReport,
  validate,
  withExplanation,
  type Finding,
  type Report,
} from '../../../src/domain'
import { dataSheetToRaw, reportToDataRows } from '../../../src/domain/import/dataSheet'

/** The sample with one blank cell: a T3-BLANK warning. */
function withBlank(): Report {
  const report = exampleReport()
  report.cells['t3.withheld.stateSecret.naturalPerson'] = null
  return report
}
const blankWarning = (r: Report) => validate(r).find((f) => f.ruleId === 'T3-BLANK')!

const written = (f: Finding, r: Report, reason = '该栏确无数据，已核对台账') => {
  const e = explain(f, r, reason, '2026-01-15')
  if ('error' in e) throw new Error(e.error)
  return e
}

describe('explanations', () => {
  it('a warning explained moves out of the open findings; counts apart', () => {
    const report = withBlank()
    const f = blankWarning(report)
    expect(f.severity).toBe('warning')
    const before = partitionFindings(validate(report), report)
    report.explanations = withExplanation(report, f, written(f, report))
    const after = partitionFindings(validate(report), report)
    expect(after.open.length).toBe(before.open.length - 1)
    expect(after.explained.map((e) => [e.finding.ruleId, e.explanation.reason])).toEqual([
      ['T3-BLANK', '该栏确无数据，已核对台账'],
    ])
  })

  it('a value change in the cells of a warning re-opens it; changing it back explains it again', () => {
    const report = exampleReport()
    // 25 of 57 applications carried over (44% > 30%).
    report.cells['t3.carriedOver.naturalPerson'] = 22
    report.cells['t3.carriedOver.total'] = 25
    const carry = (r: Report) => validate(r).find((f) => f.ruleId === 'T3-CARRY-HIGH')!
    const f = carry(report)
    expect(f.cells).toEqual(['t3.carriedOver.total', 't3.newReceived.total', 't3.carriedIn.total'])
    report.explanations = withExplanation(report, f, written(f, report, '年末集中收到申请'))
    expect(explanationOf(carry(report), report)?.reason).toBe('年末集中收到申请')

    const changed = { ...report, cells: { ...report.cells, 't3.carriedOver.total': 26 } }
    expect(explanationOf(carry(changed), changed)).toBeUndefined()
    const otherCell = { ...report, cells: { ...report.cells, 't3.carriedIn.total': 5 } }
    expect(explanationOf(carry(otherCell), otherCell)).toBeUndefined()
    const back = { ...changed, cells: { ...changed.cells, 't3.carriedOver.total': 25 } }
    expect(explanationOf(carry(back), back)?.reason).toBe('年末集中收到申请')
  })

  it('errors cannot be explained; a reason is required and kept short', () => {
    const report = exampleReport()
    report.cells['t3.carriedIn.total'] = 99
    report.totalsMode = { ...report.totalsMode, t3: 'manual' }
    const error = validate(report).find((f) => f.severity === 'error')!
    expect(explain(error, report, '理由', '2026-01-15')).toEqual({
      error: '错误不能以说明代替修改，请改正数据或正文。',
    })
    const f = blankWarning(withBlank())
    expect(explain(f, report, '   ', '2026-01-15')).toEqual({ error: '请写明理由。' })
    expect('error' in explain(f, report, '字'.repeat(501), '2026-01-15')).toBe(true)
  })

  it('a new reason for the same finding replaces the old one; withdrawing removes it', () => {
    const report = withBlank()
    const f = blankWarning(report)
    report.explanations = withExplanation(report, f, written(f, report, '甲'))
    report.explanations = withExplanation(report, f, written(f, report, '乙'))
    expect(report.explanations.map((e) => e.reason)).toEqual(['乙'])
    expect(withExplanation(report, f, null)).toEqual([])
  })

  it('goes through JSON and the Excel data sheet, read leniently', () => {
    const report = withBlank()
    const f = blankWarning(report)
    report.explanations = withExplanation(report, f, written(f, report))
    const viaJson = restoreReport(JSON.parse(JSON.stringify(report)))
    expect(viaJson.ok && viaJson.report.explanations).toEqual(report.explanations)
    const grid = {
      name: '数据',
      rows: reportToDataRows(report).map((r) => r.map((v) => (v === null ? '' : String(v)))),
    }
    const viaSheet = restoreReport(dataSheetToRaw(grid as never))
    expect(viaSheet.ok && viaSheet.report.explanations).toEqual(report.explanations)

    const bad = JSON.parse(JSON.stringify(report)) as { explanations: unknown[] }
    bad.explanations.push({ ruleId: 'T3-BLANK', message: 'x', reason: '' }, 'junk', {
      ruleId: 'X',
      message: 'm',
      reason: 'r',
      cells: [['t9.nope', 1]],
    })
    const lenient = restoreReport(bad)
    expect(lenient.ok && lenient.report.explanations).toEqual(report.explanations)
    expect(lenient.ok && lenient.warnings).toEqual(['3 条说明无法读取，已略过'])
    // A report without explanations stays without the field.
    const plain = restoreReport(JSON.parse(JSON.stringify(exampleReport())))
    expect(plain.ok && 'explanations' in plain.report).toBe(false)
  })
})
