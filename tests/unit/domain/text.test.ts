import { describe, expect, it } from 'vitest'
import { chineseDate, excerpt, isCalendarDate, quote, toHalfWidth } from '../../../src/domain'

describe('shared text helpers', () => {
  it('quotes with “”, shortened by characters, never inside a surrogate pair', () => {
    expect(quote('全年共收到申请17件')).toBe('“全年共收到申请17件”')
    expect(quote('一二三四五', 3)).toBe('“一二三…”')
    expect(excerpt('𠮷𠮷𠮷', 2)).toBe('𠮷𠮷…')
    expect(excerpt('短', 2)).toBe('短')
  })

  it('turns full-width digits and number signs half-width, and nothing else', () => {
    expect(toHalfWidth('１２３．５')).toBe('123.5')
    expect(toHalfWidth('＋７，－３')).toBe('+7，-3')
  })

  it('writes dates the Chinese way, without leading zeros, only for real days', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日')
    expect(chineseDate('2024-12-31')).toBe('2024年12月31日')
    expect(chineseDate('2025-02-29')).toBeUndefined()
    expect(chineseDate('2026/01/05')).toBeUndefined()
    expect(chineseDate(undefined)).toBeUndefined()
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2025-13-01')).toBe(false)
  })
})
