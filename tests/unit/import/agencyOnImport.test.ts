/** Issue 9: a file with a printed title but no report information gets 类别 and 层级 from the name. */
import { describe, expect, it } from 'vitest'
import {
  importGrids,
  planImport,
  validate,
  withAgency,
  type Grid,
  type ImportResult,
} from '../../../src/domain'
import { grid, table2, table3 } from './officialSheets'

function imported(title: string): ImportResult {
  const grids: Grid[] = [
    grid('表二', [[title], [], ...table2(2021, () => '0')]),
    grid(
      '表三',
      table3(2021, () => '0'),
    ),
  ]
  const outcome = importGrids(grids)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.result
}

describe('agency meta on import', () => {
  it('a 市人民政府 file: kind from the name, level asked (设区的市 or 县级市)', () => {
    const plan = planImport(imported('示例市人民政府2024年政府信息公开工作年度报告'), null)
    expect(plan.agency).toEqual({
      agencyName: '示例市人民政府',
      agencyKind: 'government',
      candidates: ['prefecture', 'county'],
      kindInferred: true,
      levelInferred: false,
    })
    expect(plan.report.meta.levelUnconfirmed).toBe(true)
  })

  it('no false T2-REG-POWER error before the level is confirmed, an info instead', () => {
    const plan = planImport(imported('示例市人民政府2024年政府信息公开工作年度报告'), null)
    const report = structuredClone(plan.report)
    report.cells['t2.regulations.issued'] = 2
    const power = validate(report).filter((f) => f.ruleId === 'T2-REG-POWER')
    expect(power.map((f) => f.severity)).toEqual(['info'])
    expect(power[0]!.message).toContain('请先确认机关层级')
  })

  it('once the clerk picks 设区的市级, the level is confirmed and 规章 are allowed', () => {
    const plan = planImport(imported('示例市人民政府2024年政府信息公开工作年度报告'), null)
    const report = withAgency(plan, {
      agencyName: '示例市人民政府',
      agencyKind: 'government',
      level: 'prefecture',
    })
    expect(report.meta.levelUnconfirmed).toBeUndefined()
    report.cells['t2.regulations.issued'] = 2
    expect(validate(report).filter((f) => f.ruleId === 'T2-REG-POWER')).toEqual([])
  })

  it('confirming the preview without choosing a level keeps it unconfirmed', () => {
    const plan = planImport(imported('示例市人民政府2024年政府信息公开工作年度报告'), null)
    const report = withAgency(plan, { agencyName: '示例市人民政府', agencyKind: 'government' })
    expect(report.meta).toMatchObject({ level: 'prefecture', levelUnconfirmed: true })
  })

  it('a 县 局 is a 县级 department: its statutory deadline is checked', () => {
    const plan = planImport(imported('示例县交通运输局2024年政府信息公开工作年度报告'), null)
    expect(plan.report.meta).toMatchObject({ agencyKind: 'department', level: 'county' })
    expect(plan.report.meta.levelUnconfirmed).toBeUndefined()
    const report = { ...plan.report, meta: { ...plan.report.meta, issuedOn: '2025-02-10' } }
    const late = validate(report).filter((f) => f.ruleId === 'M-DEADLINE-DEPT')
    expect(late.map((f) => f.severity)).toEqual(['warning'])
  })

  it('keeps the printed title with the draft: the printed M-TITLE runs on it', () => {
    const plan = planImport(imported('示例县交通运输局2024年度政府信息公开工作年度报告'), null)
    expect(plan.report.imported?.title).toBe('示例县交通运输局2024年度政府信息公开工作年度报告')
    const title = validate(plan.report).filter((f) => f.ruleId === 'M-TITLE')
    expect(title.map((f) => f.severity)).toEqual(['info'])
  })
})

describe('a published report read from a sheet: its headings and title are checked', () => {
  it('records the six headings as printed and reports the missing ones (N-SECTIONS, error)', () => {
    const rows = [
      ['示例县交通运输局2024年政府信息公开工作年度报告'],
      ['一、总体情况'],
      ['本年度主动公开政府信息120条。'],
      ['二、主动公开政府信息情况'],
      ...table2(2021, () => '0'),
      ['五、存在的主要问题及改进情况'],
      ['公开栏目更新不及时。下一步将按月检查。'],
      ['六、其他需要报告的事项'],
      ['本年度未收取信息处理费。'],
    ]
    const outcome = importGrids([grid('年报', rows)])
    if (!outcome.ok) throw new Error(outcome.error)
    const plan = planImport(outcome.result, null)
    expect(plan.report.imported?.published).toBe(true)
    expect(plan.report.imported?.headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
    const sections = validate(plan.report).filter((f) => f.ruleId === 'N-SECTIONS')
    expect(sections.map((f) => [f.severity, f.message])).toEqual([
      [
        'error',
        '缺少或顺序不对的部分：三、收到和处理政府信息公开申请情况、四、政府信息公开行政复议、行政诉讼情况（年报应依次包含六个部分）',
      ],
    ])
  })
})
