/** Cell input as people type or paste it (issue 2, "Report model"). */
import { describe, expect, it } from 'vitest'
import { gov2021, listCells, parseCellInput } from '../../../src/domain'

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
})
