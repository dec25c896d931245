import { describe, expect, it } from 'vitest'
import { gov2021, listCells } from '../../../src/domain'
import { readImportFile } from '../../../src/io/excel/read'
import { fillOfficialTemplate, TEMPLATE_SLOTS } from '../../fixtures/officialTemplate'

const T2_SLOTS = 10
// Distinct numbers per slot, so a value read into the wrong cell is noticed; 表二 收费 in 万元.
const slots = Array.from({ length: TEMPLATE_SLOTS }, (_, i) => (i === 9 ? '1.25' : `${i + 1}件`))

const filled = () =>
  fillOfficialTemplate({
    title: '示范区交通运输局2025年政府信息公开工作年度报告',
    slots,
    overview: ['2025年，本局认真贯彻落实《条例》。', '（一）主动公开。全年主动公开信息120条。'],
    problems: ['一是公开意识有待加强。', '<img src=x onerror=alert(1)><script>alert(2)</script>'],
    other: ['本局2025年未收取信息处理费。'],
    closing: ['示范区交通运输局', '2026年1月15日'],
  })

describe('the official blank template, filled as a clerk fills it', { timeout: 30_000 }, () => {
  it('imports every number into its cell', () => {
    const outcome = readImportFile(filled(), '年报.docx')
    if (!outcome.ok) throw new Error(outcome.error)
    const { result } = outcome
    expect(result.formatId).toBe('gov2021')
    expect(result.rejected).toEqual([])
    expect(result.tables.map((t) => [t.key, t.located, t.filled])).toEqual([
      ['t2', 10, 10],
      ['t3', 175, 175],
      ['t4', 15, 15],
    ])
    // Typed from the template by hand: 表二 规章 本年制发件数 is the first slot, 行政事业性收费 the
    // tenth; 表三 row “3.危及“三安全一稳定”” (7th row) × 社会公益组织 (4th column) is slot 10+6×7+3.
    expect(result.cells['t2.regulations.issued']).toBe(1)
    expect(result.cells['t2.regulations.inForce']).toBe(3)
    expect(result.cells['t2.fees.amount']).toBe(1.25)
    expect(result.cells['t3.withheld.threeSecurities.publicInterest']).toBe(
      T2_SLOTS + 6 * 7 + 3 + 1,
    )
    expect(result.cells['t3.carriedOver.total']).toBe(T2_SLOTS + 175)
    expect(result.cells['t4.litigationAfterReview.total']).toBe(TEMPLATE_SLOTS)
    // And every cell in reading order.
    listCells(gov2021).forEach((cell, i) => {
      expect(result.cells[cell.id], cell.name).toBe(i === 9 ? 1.25 : i + 1)
    })
  })

  it('reads the title, the three narrative sections and the date', () => {
    const outcome = readImportFile(filled(), '年报.docx')
    if (!outcome.ok) throw new Error(outcome.error)
    const { result } = outcome
    expect(result.year).toBe(2025)
    expect(result.meta).toEqual({ agencyName: '示范区交通运输局', issuedOn: '2026-01-15' })
    expect(result.narrative).toEqual({
      overview: '2025年，本局认真贯彻落实《条例》。\n\n（一）主动公开。全年主动公开信息120条。',
      problems: '一是公开意识有待加强。\n\n<img src=x onerror=alert(1)><script>alert(2)</script>',
      other: '本局2025年未收取信息处理费。',
    })
    expect(result.warnings).toEqual([])
  })
})
