/** Cell input as people type or paste it (issue 2, "Report model"). */
import { describe, expect, it } from 'vitest'
import {
  createReport,
  gov2021,
  listCells,
  parseCellInput,
  totalOverflow,
} from '../../../src/domain'

const fee = listCells(gov2021).find((c) => c.id === 't2.fees.amount')!

describe('parseCellInput', () => {
  it('strips units and thousands separators', () => {
    expect(parseCellInput('1,234件', 'count')).toEqual({ ok: true, value: 1234 })
    expect(parseCellInput(' １７ ', 'count')).toEqual({ ok: true, value: 17 })
  })

  it('reads blank, /, -, — and 无 as blank', () => {
    for (const text of ['', '  ', '/', '-', '—', '无']) {
      expect(parseCellInput(text, 'count')).toEqual({ ok: true, value: null })
    }
  })

  it('refuses a fraction of a count, with a reason', () => {
    const result = parseCellInput('12.5', 'count')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toContain('整数')
  })

  it('keeps amounts in 万元 to 4 decimals (to the yuan) and refuses more', () => {
    expect(parseCellInput('7730.28', fee)).toEqual({ ok: true, value: 7730.28 })
    expect(parseCellInput('0.0001', fee)).toEqual({ ok: true, value: 0.0001 })
    expect(parseCellInput('1.23456', fee).ok).toBe(false)
    expect(parseCellInput('3940元', fee).ok).toBe(false)
  })

  it('refuses negatives except the 2019 signed 本年增/减', () => {
    expect(parseCellInput('-3', 'count').ok).toBe(false)
    expect(parseCellInput('-3', fee).ok).toBe(false)
    expect(parseCellInput('-3', 'signedCount')).toEqual({ ok: true, value: -3 })
    expect(parseCellInput('+1036', 'signedCount')).toEqual({ ok: true, value: 1036 })
  })

  it('refuses text', () => {
    expect(parseCellInput('若干', 'count').ok).toBe(false)
  })

  it('takes thousands separators only in groups of three', () => {
    expect(parseCellInput('1,234', 'count')).toEqual({ ok: true, value: 1234 })
    expect(parseCellInput('1,234,567', 'count')).toEqual({ ok: true, value: 1234567 })
    expect(parseCellInput('7,730.28', fee)).toEqual({ ok: true, value: 7730.28 })
    for (const text of ['1,2,3', '12,34', '1234,567', ',123', '1,23']) {
      const result = parseCellInput(text, 'count')
      expect(!result.ok && result.reason).toBe(
        `“${text}”的千位分隔符位置不对（应每三位一个，如 1,234）`,
      )
    }
  })

  it('refuses a space inside a number, keeps spaces around it', () => {
    expect(parseCellInput('1 2', 'count')).toEqual({
      ok: false,
      reason: '“1 2”的数字中间有空格，请删去空格后填写',
    })
    expect(parseCellInput('1 234', 'count').ok).toBe(false)
    expect(parseCellInput(' 12 件 ', 'count')).toEqual({ ok: true, value: 12 })
  })

  it('refuses counts beyond 2^53 − 1 with the reason', () => {
    expect(parseCellInput('9007199254740991', 'count')).toEqual({
      ok: true,
      value: 9007199254740991,
    })
    expect(parseCellInput('9007199254740992', 'count')).toEqual({
      ok: false,
      reason: '“9007199254740992”过大：超过可精确计算的最大整数（9007199254740991），请核对',
    })
  })
})

describe('totalOverflow', () => {
  const report = (cells: Record<string, number>) => {
    const blank = createReport({
      agencyName: '某县人民政府办公室',
      agencyKind: 'department',
      level: 'county',
      year: 2025,
      scope: 'self',
    })
    return { ...blank, cells: { ...blank.cells, ...cells } }
  }

  it('names the total that would pass 2^53 − 1, and nothing while every total is exact', () => {
    const half = 2 ** 52
    // 自然人 + 商业企业 = 2^53 exactly: one past the largest exact integer.
    expect(
      totalOverflow(
        report({ 't3.newReceived.naturalPerson': half, 't3.newReceived.business': half }),
      ),
    ).toBe(
      '“表三 一、本年新收政府信息公开申请数量 · 总计”的合计将超过可精确计算的最大整数（9007199254740991），无法准确显示，请核对',
    )
    expect(
      totalOverflow(
        report({ 't3.newReceived.naturalPerson': half, 't3.newReceived.business': half - 1 }),
      ),
    ).toBeUndefined()
  })
})
