/** Issue 9 "less noise": untouched tables, N-EMPTY on own-year figures, imported files' findings. */
import { describe, expect, it } from 'vitest'
import {
  carryOver,
  exampleReport,
  restoreReport,
  validate,
  type Finding,
  type Report,
} from '../../../src/domain'

const ids = (findings: readonly Finding[]) => findings.map((f) => f.ruleId)

/** The sample with table 四 never touched. */
function withoutTable4(): Report {
  const report = exampleReport()
  for (const id of Object.keys(report.cells)) if (id.startsWith('t4.')) report.cells[id] = null
  return report
}

describe('blank tables', () => {
  it('an untouched table is progress, not a T4-BLANK warning', () => {
    expect(ids(validate(withoutTable4())).filter((id) => id.endsWith('BLANK'))).toEqual([])
  })

  it('once the table is started, its blanks are reported', () => {
    const report = withoutTable4()
    report.cells['t4.review.upheld'] = 0
    const blank = validate(report).filter((f) => f.ruleId === 'T4-BLANK')
    expect(blank).toHaveLength(1)
    expect(blank[0]!.cells).toHaveLength(14)
  })

  it('before export the untouched table is reported too', () => {
    const blank = validate(withoutTable4(), { forExport: true }).filter(
      (f) => f.ruleId === 'T4-BLANK',
    )
    expect(blank).toHaveLength(1)
    expect(blank[0]!.message).toBe('表四尚未填写（15 格空白）。空白不等于0，没有数据请填0')
  })

  it('an imported published report with an empty table 三 is missing that table', () => {
    const report = exampleReport()
    for (const id of Object.keys(report.cells)) if (id.startsWith('t3.')) report.cells[id] = null
    report.imported = { published: true, labels: [] }
    const blank = validate(report).filter((f) => f.ruleId === 'T3-BLANK')
    expect(blank).toHaveLength(1)
    expect(blank[0]!.message).toContain('导入的报告中表三全部空白')
  })
})

describe('N-EMPTY needs the year’s own figures', () => {
  it('a carried-over draft (only 上年结转) with 五 = "无" gets no N-EMPTY', () => {
    const next = carryOver(exampleReport()).report
    next.narrative.problems = '无'
    expect(ids(validate(next))).not.toContain('N-EMPTY')
  })

  it.each(['暂无问题。', '没有', '本年度未发现明显问题', '本单位无需要说明的问题'])(
    'section 五 "%s" beside the year’s figures is N-EMPTY',
    (text) => {
      const report = exampleReport()
      report.narrative.problems = text
      const empty = validate(report).filter((f) => f.ruleId === 'N-EMPTY')
      expect(empty.map((f) => f.section)).toEqual(['problems'])
    },
  )

  it('a real section 五 that mentions 无 is not empty', () => {
    const report = exampleReport()
    report.narrative.problems =
      '存在问题：无障碍阅读功能不足。改进措施：下一步将完善网站无障碍功能。'
    expect(ids(validate(report))).not.toContain('N-EMPTY')
  })
})

describe('N-OVERALL-5 names the missing items once', () => {
  it('lists only what is missing', () => {
    const report = exampleReport()
    report.narrative.overview = '本年度主动公开政府信息120条。'
    const overall = validate(report).filter((f) => f.ruleId === 'N-OVERALL-5')
    expect(overall.map((f) => f.message)).toEqual([
      '“一、总体情况”未写到：依申请公开、政府信息管理、政府信息公开平台建设、监督保障',
    ])
  })
})

describe('findings about the imported file are kept with the draft', () => {
  const imported = (): Report => {
    const report = exampleReport()
    report.imported = {
      published: true,
      title: `${report.meta.agencyName}${report.meta.year}年度政府信息公开年报`,
      headings: ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'],
      labels: [
        { tableKey: 't2', text: '本年新制作数量' },
        { tableKey: 't3', text: '1、属于国家秘密' },
      ],
    }
    return report
  }

  it('T2-OLDFORMAT is an error, N-SECTIONS and the printed M-TITLE run', () => {
    const found = validate(imported())
    expect(found.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([
      'T2-OLDFORMAT',
      'N-SECTIONS',
      'M-FORMAT-YEAR',
    ])
    expect(ids(found)).toContain('M-TITLE')
    expect(ids(found)).toContain('T3-LABEL')
  })

  it('survive a reload (the record is stored with the report)', () => {
    const report = imported()
    const restored = restoreReport(JSON.parse(JSON.stringify(report)))
    expect(restored.ok && restored.report.imported).toEqual(report.imported)
    expect(restored.ok && ids(validate(restored.report))).toEqual(ids(validate(report)))
  })

  it('a working sheet (not published) is not asked for the six headings', () => {
    const report = exampleReport()
    report.imported = { published: false, headings: ['二、主动公开政府信息情况'], labels: [] }
    expect(validate(report)).toEqual([])
  })
})
