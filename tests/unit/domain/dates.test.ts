import { describe, expect, it } from 'vitest'
import { issuedOnQuestion, parseIssuedOn } from '../../../src/domain'

describe('成文日期 as typed', () => {
  it('reads the usual ways of writing a date', () => {
    for (const text of [
      '2026-01-20',
      '2026年1月20日',
      '2026/1/20',
      '2026.01.20',
      ' 2026 年 1 月 20 日 ',
      '２０２６年１月２０日',
    ]) {
      expect(parseIssuedOn(text), text).toEqual({ ok: true, value: '2026-01-20' })
    }
    expect(parseIssuedOn('')).toEqual({ ok: true, value: '' })
  })

  it('refuses incomplete and impossible dates with the reason', () => {
    expect(parseIssuedOn('2026年1月')).toEqual({
      ok: false,
      reason: '成文日期“2026年1月”不完整，请写出年、月、日，如 2026-01-20 或 2026年1月20日',
    })
    expect(parseIssuedOn('2026-01')).toMatchObject({ ok: false })
    expect(parseIssuedOn('2026')).toMatchObject({ ok: false })
    expect(parseIssuedOn('2026年2月30日')).toEqual({
      ok: false,
      reason: '2026年2月30日不存在，请核对成文日期',
    })
    expect(parseIssuedOn('2026-13-01')).toEqual({
      ok: false,
      reason: '2026年13月1日不存在，请核对成文日期',
    })
    expect(parseIssuedOn('1月20日')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('无法识别'),
    })
  })

  it('questions a date before the end of the report year', () => {
    expect(issuedOnQuestion('2025-12-20', 2025)).toBe(
      '成文日期2025年12月20日早于报告年度结束（2025年12月31日），年度报告通常在次年初成文，请确认。',
    )
    expect(issuedOnQuestion('2026-01-20', 2025)).toBe('')
    expect(issuedOnQuestion('', 2025)).toBe('')
  })
})
