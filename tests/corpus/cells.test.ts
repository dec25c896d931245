/**
 * Hostile and broken cell input, through the path typing and pasting take (the draft store):
 * each is refused with a clear reason and leaves the draft and its saved copy byte-for-byte
 * unchanged, or is read as the number a person meant (values worked out by hand).
 */
import { describe, expect, test } from 'vitest'
import { createReport } from '../../src/domain'
import { expectClearMessage, openDraft, withinMs } from './harness'

type Expected = { value: number | null } | { refused: RegExp }

const COUNT = 't3.newReceived.naturalPerson' // 表三 一、本年新收政府信息公开申请数量 · 自然人
const AMOUNT = 't2.fees.amount' // 表二 行政事业性收费 · 本年收费金额（单位：万元）
const SIGNED_2019 = 't2.licensing.itemsChange' // 2019 表二 行政许可 · 本年增/减

const NOT_A_NUMBER = /不是数字/
const countCases: [string, string | number, Expected][] = [
  ['negative', '-1', { refused: /负数/ }],
  ['negative zero', '-0', { value: 0 }],
  ['fraction', '0.5', { refused: /整数/ }],
  ['leading-dot fraction', '.5', { refused: /整数/ }],
  ['slash fraction', '1/2', { refused: NOT_A_NUMBER }],
  ['vulgar fraction character', '½', { refused: NOT_A_NUMBER }],
  ['Latin text', 'abc', { refused: NOT_A_NUMBER }],
  ['Chinese numerals', '十二', { refused: NOT_A_NUMBER }],
  ['exponent 1e308', '1e308', { refused: NOT_A_NUMBER }],
  ['exponent 1e3', '1e3', { refused: NOT_A_NUMBER }],
  ['2^53 + 1 as text', '9007199254740993', { refused: /过大/ }],
  // The example's other 新收 parts are filled, so 总计 would pass 2^53 − 1.
  ['largest safe integer', '9007199254740991', { refused: /合计将超过可精确计算的最大整数/ }],
  ['thousands separator and unit', '1,234件', { value: 1234 }],
  ['full-width digits', '１２３', { value: 123 }],
  ['full-width comma', '1，234', { value: 1234 }],
  ['spaces as thousands separator', '1 234', { refused: /数字中间有空格/ }],
  ['space between two digits', '1 2', { refused: /数字中间有空格/ }],
  ['ideographic space between digits', '1\u30002', { refused: /数字中间有空格/ }],
  ['space after a thousands separator', '1, 234', { refused: /数字中间有空格/ }],
  ['space before the unit', '12 件', { value: 12 }],
  ['separators between single digits', '1,2,3', { refused: /千位分隔符/ }],
  ['separator after two digits', '12,34', { refused: /千位分隔符/ }],
  ['separator after four digits', '1234,567', { refused: /千位分隔符/ }],
  ['leading separator', ',123', { refused: /千位分隔符/ }],
  ['two groups of three', '1,234,567', { value: 1234567 }],
  ['full-width separators in groups', '12，345，678件', { value: 12345678 }],
  ['ideographic spaces around', '\u30007\u3000', { value: 7 }],
  ['leading zeros', '007', { value: 7 }],
  ['trailing dot', '5.', { value: 5 }],
  ['whole number with .0', '12.0', { value: 12 }],
  ['explicit plus', '+5', { value: 5 }],
  ['script tag', '<script>alert(1)</script>', { refused: NOT_A_NUMBER }],
  ['formula', '=SUM(A1:A3)', { refused: NOT_A_NUMBER }],
  ['#REF! error', '#REF!', { refused: NOT_A_NUMBER }],
  ['#DIV/0! error', '#DIV/0!', { refused: NOT_A_NUMBER }],
  ['NaN text', 'NaN', { refused: NOT_A_NUMBER }],
  ['Infinity text', 'Infinity', { refused: NOT_A_NUMBER }],
  ['hex', '0x10', { refused: NOT_A_NUMBER }],
  ['numeric separator', '1_000', { refused: NOT_A_NUMBER }],
  ['NUL character', '\u0000', { refused: NOT_A_NUMBER }],
  ['zero-width space inside', '1\u200b2', { refused: NOT_A_NUMBER }],
  ['right-to-left override', '\u202e21', { refused: NOT_A_NUMBER }],
  ['Unicode minus sign', '\u22125', { refused: NOT_A_NUMBER }],
  ['Arabic-Indic digit', '\u0663', { refused: NOT_A_NUMBER }],
  ['emoji', '😀', { refused: NOT_A_NUMBER }],
  ['non-BMP CJK', '𠮷', { refused: NOT_A_NUMBER }],
  ['doubled unit', '12件件', { refused: NOT_A_NUMBER }],
  ['the word null', 'null', { refused: NOT_A_NUMBER }],
  ['100 KB of digits', '1'.repeat(100_000), { refused: /不是有效数字|过大/ }],
  ['100 KB of text', '申请'.repeat(50_000), { refused: NOT_A_NUMBER }],
  ['blank', '   ', { value: null }],
  ['slash for nothing', '/', { value: null }],
  ['em dash for nothing', '—', { value: null }],
  ['无', '无', { value: null }],
  ['number 1e308', 1e308, { refused: /过大/ }],
  ['number -1', -1, { refused: /负数/ }],
  ['number 0.5', 0.5, { refused: /整数/ }],
  ['number NaN', Number.NaN, { refused: /不是有效数字/ }],
  ['number Infinity', Number.POSITIVE_INFINITY, { refused: /不是有效数字/ }],
  // eslint-disable-next-line no-loss-of-precision -- the point: JSON and Excel round it to 2^53
  ['number 9007199254740993', 9007199254740993, { refused: /过大/ }],
]

const amountCases: [string, string | number, Expected][] = [
  ['four decimals (to the yuan)', '12.3456', { value: 12.3456 }],
  ['thousands separator and decimals', '1,234.5', { value: 1234.5 }],
  ['separator among the decimals', '1.234,5', { refused: /千位分隔符/ }],
  ['five decimals', '12.34567', { refused: /4位小数/ }],
  ['yuan instead of 万元', '500元', { refused: /换算为万元/ }],
  ['万元 suffix', '3万元', { value: 3 }],
  ['one yuan', '0.0001', { value: 0.0001 }],
  ['negative amount', '-1', { refused: /负数/ }],
  ['exponent', '1e308', { refused: NOT_A_NUMBER }],
  ['number 1e308', 1e308, { refused: /过大/ }],
  ['float noise from a sum', 0.1 + 0.2, { refused: /4位小数/ }],
]

const signedCases: [string, string | number, Expected][] = [
  ['signed decrease', '-3', { value: -3 }],
  ['signed increase', '+3', { value: 3 }],
  ['signed fraction', '-0.5', { refused: /整数/ }],
  ['signed beyond 2^53', '-9007199254740993', { refused: /过大/ }],
]

function typeInto(cellId: string, year: number, input: string | number, expected: Expected) {
  const initial =
    year === 2025
      ? undefined
      : createReport({
          agencyName: '某县人民政府办公室',
          agencyKind: 'department',
          level: 'county',
          year,
          scope: 'self',
        })
  const { draft, snapshot } = openDraft(initial)
  const before = snapshot()
  const result = draft.setCell(cellId, input)
  if ('refused' in expected) {
    expect(result.ok).toBe(false)
    const reason = result.ok ? '' : result.reason
    expect(reason).toMatch(expected.refused)
    expectClearMessage(reason)
    expect(snapshot()).toBe(before)
  } else {
    expect(result).toEqual({ ok: true, value: expected.value })
    expect(draft.report?.cells[cellId]).toBe(expected.value)
  }
}

describe('typing into a count cell', () => {
  test.each(countCases)('%s', (_name, input, expected) => typeInto(COUNT, 2025, input, expected))
})

describe('typing into an amount cell (万元)', () => {
  test.each(amountCases)('%s', (_name, input, expected) => typeInto(AMOUNT, 2025, input, expected))
})

describe('typing into a 2019 signed 本年增/减 cell', () => {
  test.each(signedCases)('%s', (_name, input, expected) =>
    typeInto(SIGNED_2019, 2020, input, expected),
  )
})

test('a count whose computed total would pass 2^53 − 1 is refused, the draft untouched', () => {
  const { draft, snapshot } = openDraft(
    createReport({
      agencyName: '某县人民政府办公室',
      agencyKind: 'department',
      level: 'county',
      year: 2025,
      scope: 'self',
    }),
  )
  // 表三 一、本年新收 · 商业企业; its total 一、本年新收 · 总计 also sums 自然人.
  const COMPANY = 't3.newReceived.business'
  expect(draft.setCell(COUNT, Number.MAX_SAFE_INTEGER - 1)).toEqual({
    ok: true,
    value: Number.MAX_SAFE_INTEGER - 1,
  })
  const before = snapshot()
  // Blank parts count as 0: (2^53 − 2) + 2 overflows, (2^53 − 2) + 1 does not.
  const refused = draft.setCell(COMPANY, '2')
  expect(refused.ok).toBe(false)
  expect(!refused.ok && refused.reason).toMatch(/合计将超过可精确计算的最大整数/)
  expectClearMessage(refused.ok ? '' : refused.reason)
  expect(snapshot()).toBe(before)
  expect(draft.setCells({ [COMPANY]: '2' }, '粘贴').rejected).toHaveLength(1)
  expect(snapshot()).toBe(before)
  expect(draft.setCell(COMPANY, '1')).toEqual({ ok: true, value: 1 })
})

test('pasting a block of every hostile count at once: refused ones listed, the rest one undo step', async () => {
  const { draft } = openDraft()
  const t3Parts = Object.keys(draft.report!.cells).filter(
    (id) => id.startsWith('t3.') && !id.endsWith('.total') && !draft.report!.cells[id],
  )
  const entries = Object.fromEntries(countCases.map(([, input], i) => [t3Parts[i]!, input]))
  const result = await withinMs(1000, () => draft.setCells(entries, '粘贴'))
  const refusedCount = countCases.filter(([, , e]) => 'refused' in e).length
  expect(result.rejected).toHaveLength(refusedCount)
  for (const r of result.rejected) expectClearMessage(r.reason)
  draft.undo()
  expect(draft.canUndo).toBe(false)
})
