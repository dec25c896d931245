import { describe, expect, it } from 'vitest'
import { gov2019, gov2021, matchSectionHeading, parseDateLine } from '../../../src/domain'

describe('section headings as real reports print them', () => {
  it.each([
    ['一、总体情况', 'overview'],
    ['一、 总体情况。', 'overview'],
    ['一.总体情况', 'overview'],
    ['总体情况', 'overview'],
    ['二、主动公开信息情况', 't2'],
    ['二、主动公开政府信息情况', 't2'],
    ['三、收到和处理政府信息公开申请情况', 't3'],
    ['四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', 't4'],
    ['四、因政府信息公开工作被申请行政复议提起行政诉讼情况', 't4'],
    ['四、政府信息公开行政复议、行政诉讼情况', 't4'],
    ['五、政府信息公开工作存在的主要问题及改进情况', 'problems'],
    ['五、存在的主要问题及改进情况', 'problems'],
    ['六、其他需要报告的事项', 'other'],
    ['六、其他需要报告的事项：', 'other'],
  ])('%s → %s', (text, key) => {
    expect(matchSectionHeading(gov2021, text)).toBe(key)
  })

  it.each([
    '一、加强组织领导',
    '二、依申请公开',
    '（一）总体情况',
    '七、附件',
    '一、总体情况。2025年，本局坚持以公开为常态、不公开为例外，全面推进各项政务公开工作，取得了明显成效。',
  ])('%s is body text', (text) => {
    expect(matchSectionHeading(gov2021, text)).toBeUndefined()
  })

  it('reads the 2019 layout by its own headings', () => {
    expect(matchSectionHeading(gov2019, '四、政府信息公开行政复议、行政诉讼情况')).toBe('t4')
  })
})

describe('the date line under a report', () => {
  it.each([
    ['2026年1月20日', '2026-01-20'],
    ['2026 年 1 月 5 日', '2026-01-05'],
    ['二〇二六年一月二十日', '2026-01-20'],
    ['二○二五年十二月三十一日', '2025-12-31'],
    ['2026年2月30日', undefined],
    ['发布时间：2026年1月20日', undefined],
  ])('%s → %s', (text, date) => {
    expect(parseDateLine(text)).toBe(date)
  })
})
