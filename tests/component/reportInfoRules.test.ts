import { describe, expect, test } from 'vitest'
import { issuedOnValue, reportInfoRules } from '../../src/components/reportInfoRules'

const today = new Date('2026-03-01T00:00:00Z')
const valid = {
  agencyName: '某县财政局',
  agencyKind: 'department',
  level: 'county',
  year: 2025,
  issuedOn: '2026-01-20',
  scope: 'self',
}
const errorsOf = (values: Record<string, unknown>) =>
  Object.entries(reportInfoRules(today)).flatMap(([field, rule]) => {
    const verdict = rule(values[field])
    return verdict === true ? [] : [verdict]
  })

describe('the report information rules', () => {
  test('accept a complete entry and an empty 成文日期', () => {
    expect(errorsOf(valid)).toEqual([])
    expect(errorsOf({ ...valid, issuedOn: '' })).toEqual([])
    expect(errorsOf({ ...valid, issuedOn: undefined })).toEqual([])
  })

  test('require a name (spaces alone do not count) of at most 60 characters', () => {
    expect(errorsOf({ ...valid, agencyName: '   ' })).toEqual(['请填写机关名称'])
    expect(errorsOf({ ...valid, agencyName: undefined })).toEqual(['请填写机关名称'])
    expect(errorsOf({ ...valid, agencyName: '局'.repeat(60) })).toEqual([])
    expect(errorsOf({ ...valid, agencyName: '局'.repeat(61) })).toEqual(['机关名称不超过 60 个字'])
  })

  test('report year from 2019 to next year only', () => {
    expect(errorsOf({ ...valid, year: 2019 })).toEqual([])
    expect(errorsOf({ ...valid, year: 2027 })).toEqual([])
    expect(errorsOf({ ...valid, year: 2018 })).toEqual(['报告年度不能早于 2019 年'])
    expect(errorsOf({ ...valid, year: 2028 })).toEqual(['报告年度不能晚于 2027 年'])
    expect(errorsOf({ ...valid, year: '' })).toEqual(['请选择报告年度'])
  })

  test('成文日期 must be a real, complete calendar day, typed either way', () => {
    expect(errorsOf({ ...valid, issuedOn: '2024-02-29' })).toEqual([])
    expect(errorsOf({ ...valid, issuedOn: '2026年1月20日' })).toEqual([])
    expect(errorsOf({ ...valid, issuedOn: '2025-02-29' })).toEqual([
      '2025年2月29日不存在，请核对成文日期',
    ])
    expect(errorsOf({ ...valid, issuedOn: '2026年1月' })).toEqual([
      '成文日期“2026年1月”不完整，请写出年、月、日，如 2026-01-20 或 2026年1月20日',
    ])
    expect(issuedOnValue('2026年1月5日')).toBe('2026-01-05')
    expect(issuedOnValue('')).toBe('')
  })
})
