/** Label, heading and title rules, reported for what an importer read from a file. */
import { describe, expect, it } from 'vitest'
import {
  checkImportedHeadings,
  checkImportedLabels,
  checkImportedTitle,
  type Finding,
} from '../../../src/domain'
import { HEADINGS } from './handTyped'

const ids = (findings: readonly Finding[]) => findings.map((f) => f.ruleId)

describe('checkImportedLabels', () => {
  it('T2-OLDFORMAT and M-FORMAT-YEAR: a 2022 report printing the 2019 table 二 (螅镇 2022)', () => {
    const findings = checkImportedLabels(2022, [
      { tableKey: 't2', text: '本年新制作数量' },
      { tableKey: 't2', text: '对外公开总数量' },
      { tableKey: 't2', text: '规章' },
    ])
    expect(ids(findings)).toEqual(['T2-OLDFORMAT', 'M-FORMAT-YEAR'])
    expect(findings[0]!.message).toContain('“本年新制作数量”、“对外公开总数量”')
    expect(findings.every((f) => f.severity === 'error')).toBe(true)
  })

  it('accepts the 2019 labels in a 2020 report, and line breaks inside labels anywhere', () => {
    expect(
      checkImportedLabels(2020, [
        { tableKey: 't2', text: '本年新制作数量' },
        { tableKey: 't2', text: '第二十条第（九）项' },
        { tableKey: 't3', text: '（六）其他处理' },
      ]),
    ).toEqual([])
    expect(checkImportedLabels(2023, [{ tableKey: 't3', text: '商业\n企业' }])).toEqual([])
  })

  it('T2-LABEL: a truncated label and a spaced block header (七家子镇 2023, 淮安 2024)', () => {
    const findings = checkImportedLabels(2023, [
      { tableKey: 't2', text: '现行有效件' },
      { tableKey: 't2', text: '第二十条 第（一）项' },
    ])
    expect(ids(findings)).toEqual(['T2-LABEL', 'T2-LABEL'])
    expect(findings[0]!.message).toContain('标准名称“现行有效件数”')
    expect(findings[1]!.message).toContain('标准名称“第二十条第（一）项”')
    expect(findings[0]!.severity).toBe('info')
  })

  it('T3-LABEL: a typo, 1、 for 1. and the seed’s 社会组织', () => {
    const findings = checkImportedLabels(2024, [
      { tableKey: 't3', text: '2.其他法律行政止公开' },
      { tableKey: 't3', text: '3、其他' },
      { tableKey: 't3', text: '社会组织' },
    ])
    expect(ids(findings)).toEqual(['T3-LABEL', 'T3-LABEL', 'T3-LABEL'])
    expect(findings[0]!.message).toContain('“2.其他法律行政法规禁止公开”')
    expect(findings[1]!.message).toContain('“3.其他”')
    expect(findings[2]!.message).toContain('“社会公益组织”')
  })

  it('T3-SIX-SPLIT: （六）其他处理 as one row in 2023 (洪泽区)', () => {
    const six = [
      { tableKey: 't3', text: '（五）不予处理' },
      { tableKey: 't3', text: '（六）其他处理' },
      { tableKey: 't3', text: '（七）总计' },
    ] as const
    const findings = checkImportedLabels(2023, six)
    expect(ids(findings)).toEqual(['T3-SIX-SPLIT'])
    expect(findings[0]!.message).toContain('1、2、3三项')
    expect(checkImportedLabels(2023, [...six, { tableKey: 't3', text: '3.其他' }])).toEqual([])
  })
})

describe('checkImportedHeadings (N-SECTIONS)', () => {
  const headings = HEADINGS

  it('accepts the six headings in order', () => {
    expect(checkImportedHeadings(2024, headings)).toEqual([])
  })

  it('accepts the statute wording of 四 and 五 with an info (Shanghai)', () => {
    const variant = [...headings]
    variant[3] = '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况'
    variant[4] = '五、政府信息公开工作存在的主要问题及改进情况'
    const findings = checkImportedHeadings(2019, variant)
    expect(ids(findings)).toEqual(['N-SECTIONS', 'N-SECTIONS'])
    expect(findings.every((f) => f.severity === 'info')).toBe(true)
  })

  it('reports a missing or misplaced section as an error', () => {
    const findings = checkImportedHeadings(2024, headings.slice(0, 5))
    expect(ids(findings)).toEqual(['N-SECTIONS'])
    expect(findings[0]!.severity).toBe('error')
    expect(findings[0]!.message).toContain('六、其他需要报告的事项')
    const swapped = [headings[1]!, headings[0]!, ...headings.slice(2)]
    expect(checkImportedHeadings(2024, swapped)[0]!.message).toContain('二、主动公开政府信息情况')
  })
})

describe('checkImportedTitle (M-TITLE)', () => {
  const meta = { agencyName: '乐清市新居民服务中心', year: 2020 }
  it('accepts the standard title', () => {
    expect(checkImportedTitle('乐清市新居民服务中心2020年政府信息公开工作年度报告', meta)).toEqual(
      [],
    )
  })
  it('warns about the seed’s title, which has no year', () => {
    const f = checkImportedTitle('乐清市新居民服务中心政府信息公开工作 年度报告', meta)
    expect([f[0]!.ruleId, f[0]!.severity]).toEqual(['M-TITLE', 'warning'])
  })
  it('warns about a wrong year and a typo (七家子镇 "工作告年度报"), notes the 年度 variant', () => {
    expect(
      checkImportedTitle('乐清市新居民服务中心2019年政府信息公开工作年度报告', meta)[0]!.message,
    ).toContain('与报告年度 2020 不符')
    expect(
      checkImportedTitle('乐清市新居民服务中心2020年政府信息公开工作告年度报', meta)[0]!.severity,
    ).toBe('warning')
    expect(
      checkImportedTitle('乐清市新居民服务中心2020年度政府信息公开工作年度报告', meta)[0]!.severity,
    ).toBe('info')
  })
})
