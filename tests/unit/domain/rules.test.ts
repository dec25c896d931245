/**
 * One test per rule of rules.md: the built-in sample (which passes clean) changed so that it
 * breaks that rule once, with the numbers worked out by hand in the test.
 */
import { describe, expect, it } from 'vitest'
import {
  createReport,
  exampleReport,
  gov2021,
  listCells,
  recomputeTotals,
  RULE_ALIASES,
  RULES,
  validate,
  type Finding,
  type Report,
} from '../../../src/domain'
import type { NarrativeKey } from '../../../src/domain/formats'
import { APPLICANT_KEYS } from './handTyped'

const APPLICANTS = [...APPLICANT_KEYS, 'total']

const ids = (findings: readonly Finding[]) => findings.map((f) => f.ruleId)

function edit(report: Report, section: NarrativeKey, from: string, to: string): Report {
  expect(report.narrative[section]).toContain(from)
  report.narrative[section] = report.narrative[section].replace(from, to)
  return report
}

function set(report: Report, values: Record<string, number | null>): Report {
  Object.assign(report.cells, values)
  report.cells = recomputeTotals(report)
  return report
}

/** The single finding of the report, asserting there is exactly one. */
function only(report: Report, ruleId: string, lastYear?: Report): Finding {
  const findings = validate(report, lastYear ? { lastYear } : {})
  expect(ids(findings)).toEqual([ruleId])
  return findings[0]!
}

/** Last year's report that agrees with the sample: 四 = this year's 二, 现行有效 16 + 3 − 2 = 17. */
function lastYearOf(report: Report): Report {
  const last = structuredClone(report)
  last.meta = { ...last.meta, year: report.meta.year - 1, issuedOn: '2025-01-20' }
  last.narrative = { overview: '', problems: '', other: '' }
  for (const col of APPLICANTS) {
    last.cells[`t3.carriedOver.${col}`] = report.cells[`t3.carriedIn.${col}`]!
  }
  last.cells['t2.normativeDocs.inForce'] = 16
  return last
}

const government = (report: Report, name = '示例县人民政府') => {
  report.meta = { ...report.meta, agencyKind: 'government', agencyName: name }
  report.narrative.other +=
    '\n\n（三）人大代表建议和政协提案办理结果公开情况。全年公开建议提案复文12件。年度政务公开工作要点全部落实，并创新开展“政府开放日”活动。'
  return report
}

describe('the sample report', () => {
  it('passes every check, alone and with a matching last year', () => {
    expect(validate(exampleReport())).toEqual([])
    const report = exampleReport()
    expect(validate(report, { lastYear: lastYearOf(report) })).toEqual([])
  })

  it('lists findings in a fixed order: errors first, then by rule and cell', () => {
    const report = exampleReport()
    Object.assign(report.cells, {
      't2.penalty.decisions': null,
      't4.review.total': 9,
      't3.disclosed.total': 30,
    })
    report.narrative.other = ''
    const first = ids(validate(report))
    expect(first).toEqual([
      'T3-ROWSUM',
      'T3-SUBTOTAL',
      'T4-SUM-REVIEW',
      'T2-BLANK',
      'N-FEE',
      'N-EMPTY',
      'N-OUTCOME-CLASS',
    ])
    expect(ids(validate(structuredClone(report)))).toEqual(first)
  })
})

describe('table 二', () => {
  it('T2-INT: a fraction of a count', () => {
    const f = only(set(exampleReport(), { 't2.licensing.decisions': 2486.5 }), 'T2-INT')
    expect(f.cells).toEqual(['t2.licensing.decisions'])
    expect(f.severity).toBe('error')
  })

  it('T2-FEE-NUM: a negative amount', () => {
    const f = only(set(exampleReport(), { 't2.fees.amount': -1 }), 'T2-FEE-NUM')
    expect(f.cells).toEqual(['t2.fees.amount'])
  })

  it('T2-FEE-UNIT: an amount ten times too large for a county body', () => {
    // County bound 100 000 万元 × 10 = 1 000 000 万元; 68 400 000 looks like 元.
    const f = only(set(exampleReport(), { 't2.fees.amount': 68_400_000 }), 'T2-FEE-UNIT')
    expect(f.message).toContain('68400000')
  })

  it('T2-FEE-UNIT: the text states the same figure in 元', () => {
    const report = set(exampleReport(), { 't2.fees.amount': 68400 })
    report.narrative.other += '\n\n全年收取行政事业性收费68400元。'
    const f = only(report, 'T2-FEE-UNIT')
    expect(f.message).toContain('68400 元')
    expect(f.section).toBe('other')
  })

  it('T2-REG-POWER: a county department reports 规章', () => {
    const report = set(exampleReport(), { 't2.regulations.issued': 1, 't2.regulations.inForce': 1 })
    const f = only(report, 'T2-REG-POWER')
    expect(f.cells).toEqual(['t2.regulations.issued', 't2.regulations.inForce'])
  })

  it('T2-REG-DEPT: a department of a city government reports 规章', () => {
    const report = set(exampleReport(), { 't2.regulations.inForce': 2 })
    report.meta.level = 'prefecture'
    expect(only(report, 'T2-REG-DEPT').cells).toEqual(['t2.regulations.inForce'])
  })

  it('T2-STOCK-WITHIN: 现行有效 0 + 废止 2 < 制发 3', () => {
    const report = set(exampleReport(), { 't2.normativeDocs.inForce': 0 })
    edit(report, 'overview', '现行有效行政规范性文件17件', '现行有效行政规范性文件0件')
    const f = only(report, 'T2-STOCK-WITHIN')
    expect(f.message).toContain('少 1 件')
  })

  it('T2-STOCK-XYEAR: 10 + 3 − 2 = 11 ≠ 17', () => {
    const report = exampleReport()
    const last = lastYearOf(report)
    last.cells['t2.normativeDocs.inForce'] = 10
    const f = only(report, 'T2-STOCK-XYEAR', last)
    expect(f.cells[0]).toBe('t2.normativeDocs.inForce')
    expect(f.message).toContain(
      '上年现行有效 10 + 本年制发 3 − 本年废止 2 = 11 件，本年现行有效填 17 件，相差 6',
    )
  })

  it('T2-REPEAL-BOUND: 废止 5 > 上年现行有效 0 + 制发 3', () => {
    const report = set(exampleReport(), { 't2.normativeDocs.repealed': 5 })
    edit(report, 'overview', '废止2件', '废止5件')
    const last = lastYearOf(report)
    last.cells['t2.normativeDocs.inForce'] = 0
    const f = only(report, 'T2-REPEAL-BOUND', last)
    expect(f.message).toContain('本年废止 5 件，多于上年现行有效 0 + 本年制发 3 = 3 件')
  })

  it('T2-BLANK: one blank cell', () => {
    const f = only(set(exampleReport(), { 't2.penalty.decisions': null }), 'T2-BLANK')
    expect(f.cells).toEqual(['t2.penalty.decisions'])
  })
})

describe('table 三', () => {
  it('T3-INT: a negative count (the sums still hold)', () => {
    // 予以公开: 自然人 17→18, 科研机构 0→−1; 部分公开: 自然人 3→2, 科研机构 0→1.
    const report = set(exampleReport(), {
      't3.disclosed.naturalPerson': 18,
      't3.disclosed.research': -1,
      't3.partlyDisclosed.naturalPerson': 2,
      't3.partlyDisclosed.research': 1,
    })
    expect(only(report, 'T3-INT').cells).toEqual(['t3.disclosed.research'])
  })

  it('T3-BLANK: one blank cell, treated as 0 by the sums', () => {
    const report = set(exampleReport(), { 't3.withheld.stateSecret.research': null })
    expect(only(report, 'T3-BLANK').cells).toEqual(['t3.withheld.stateSecret.research'])
  })

  it('T3-ROWSUM: a blank 总计 beside non-zero parts', () => {
    const report = exampleReport()
    report.cells['t3.newReceived.total'] = null
    const findings = validate(report)
    expect(ids(findings)).toEqual(['T3-ROWSUM', 'T3-BLANK'])
    expect(findings[0]!.cells[0]).toBe('t3.newReceived.total')
    expect(findings[0]!.message).toContain('分项之和为 53')
  })

  it('T3-ROWSUM: 总计 typed one too high, one finding (the 总计 balance break is the same mistake)', () => {
    const report = exampleReport()
    report.cells['t3.carriedIn.total'] = 5
    edit(report, 'overview', '上年结转4件', '上年结转5件')
    const findings = validate(report)
    // 总计 column: 53 + 5 = 58 vs 52 + 5 = 57; with 二 = 4 (its parts) it balances: one mistake.
    expect(ids(findings)).toEqual(['T3-ROWSUM'])
    expect(findings[0]!.message).toBe(
      '表三“二、上年结转政府信息公开申请数量”行：自然人 3 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 4，“总计”填 5，相差 1',
    )
  })

  it('T3-SUBTOTAL: （七）总计 typed one too high', () => {
    const report = exampleReport()
    report.cells['t3.resultTotal.business'] = 9
    const findings = validate(report)
    // 商业企业 column: 一 9 + 二 1 = 10 vs （七）9 + 四 2 = 11, off by the same 1 as the （七） row:
    // the row sum names the cell and the balance of that column is not reported again.
    expect(ids(findings)).toEqual(['T3-ROWSUM', 'T3-SUBTOTAL'])
    expect(findings[0]!.cells[0]).toBe('t3.resultTotal.business')
    const subtotal = findings[1]!
    expect(subtotal.cells[0]).toBe('t3.resultTotal.business')
    expect(subtotal.cells).toHaveLength(22)
    expect(subtotal.message).toBe('表三“商业企业”列：各分项之和 8，“（七）总计”填 9，相差 1')
  })

  it('T3-BALANCE: one more carried over, reported on its column only (the 总计 follows)', () => {
    const report = set(exampleReport(), { 't3.carriedOver.naturalPerson': 3 })
    edit(report, 'overview', '结转下年度继续办理5件', '结转下年度继续办理6件')
    const findings = validate(report)
    expect(ids(findings)).toEqual(['T3-BALANCE'])
    expect(findings[0]!.cells[0]).toBe('t3.carriedOver.naturalPerson')
    expect(findings[0]!.message).toContain('“自然人”列')
  })

  it('T3-ROWSUM alone for a wrong part of a row under a typed 总计', () => {
    // 自然人 上年结转 typed 5 instead of 3, 总计 left at 4: the row 二 is 5 + 1 = 6 ≠ 4 and the
    // 自然人 balance is off by 2 as well (一 38 + 二 5 = 43 vs （七）39 + 四 2 = 41): one cell
    // explains both, so only the row is reported, that cell first.
    const report = exampleReport()
    report.totalsMode.t3 = 'manual'
    report.cells['t3.carriedIn.naturalPerson'] = 5
    const findings = validate(report)
    expect(ids(findings)).toEqual(['T3-ROWSUM'])
    expect(findings[0]!.cells[0]).toBe('t3.carriedIn.naturalPerson')
    expect(findings[0]!.message).toContain('= 6，“总计”填 4，相差 2')
  })

  it('T3-CARRY-BOUND: 科研机构 carries 5 with nothing received', () => {
    const report = set(exampleReport(), { 't3.carriedOver.research': 5 })
    edit(report, 'overview', '结转下年度继续办理5件', '结转下年度继续办理10件')
    const findings = validate(report)
    expect(ids(findings)).toEqual(['T3-BALANCE', 'T3-CARRY-BOUND'])
    expect(findings[1]!.message).toBe(
      '表三“科研机构”列：结转下年度 5 件，多于本年新收 0 + 上年结转 0 = 0 件',
    )
  })

  it('T3-CARRY-HIGH: 22 of 57 carried over (39%)', () => {
    const report = set(exampleReport(), {
      't3.disclosed.naturalPerson': 0,
      't3.carriedOver.naturalPerson': 19,
    })
    edit(report, 'overview', '办结52件', '办结35件')
    edit(report, 'overview', '结转下年度继续办理5件', '结转下年度继续办理22件')
    edit(report, 'overview', '予以公开24件', '予以公开7件')
    const f = only(report, 'T3-CARRY-HIGH')
    expect(f.message).toContain('结转下年度 22 件，占本年可办理申请（新收+上年结转）57 件的 39%')
  })

  it('T3-CARRY-HIGH: the text says all were answered while 5 are carried over', () => {
    const report = exampleReport()
    report.narrative.overview += '\n\n本年度受理的申请均已办结。'
    const f = only(report, 'T3-CARRY-HIGH')
    expect(f.message).toContain('本年度受理的申请均已办结')
  })

  it('T3-FEE-LINK: 逾期未缴费 1 件 while the text says no fee notice was sent', () => {
    const report = set(exampleReport(), {
      't3.otherHandling.otherReason.naturalPerson': 0,
      't3.otherHandling.feeUnpaid.naturalPerson': 1,
    })
    report.narrative.other += '本年度未发出收费通知。'
    expect(only(report, 'T3-FEE-LINK').cells).toEqual(['t3.otherHandling.feeUnpaid.total'])
  })

  it('T3-FEE-LINK: a fee collected although only 6 applications came in', () => {
    const report = createReport({ ...exampleReport().meta })
    for (const c of listCells(gov2021)) report.cells[c.id] = 0
    set(report, { 't3.newReceived.naturalPerson': 6, 't3.disclosed.naturalPerson': 6 })
    report.narrative = {
      overview:
        '本年度主动公开政府信息120条。全年共收到政府信息公开申请6件，全部予以公开。政府信息管理规范，门户网站专栏运行平稳，组织业务培训1次。',
      problems: '存在的主要问题是公开形式单一。下一步将加强培训。',
      other: '本年度收取信息处理费100元。',
    }
    const f = only(report, 'T3-FEE-LINK')
    expect(f.cells).toEqual(['t3.newReceived.total'])
    expect(f.message).toContain('全年只新收申请 6 件')
  })

  it('T3-OUTCOME-PLAUS: 本机关不掌握 is 32 of 52 results (62%)', () => {
    const report = set(exampleReport(), {
      't3.disclosed.naturalPerson': 0,
      't3.partlyDisclosed.naturalPerson': 0,
      't3.unable.notHeld.naturalPerson': 26,
      't3.disclosed.business': 0,
      't3.unable.notHeld.business': 5,
    })
    edit(report, 'overview', '予以公开24件', '予以公开3件')
    edit(report, 'overview', '部分公开4件', '部分公开1件')
    edit(report, 'overview', '无法提供10件', '无法提供34件')
    const f = only(report, 'T3-OUTCOME-PLAUS')
    expect(f.severity).toBe('info')
    expect(f.message).toContain(
      '表三“（四）无法提供 1.本机关不掌握相关政府信息”共 32 件，占全部办理结果 52 件的 62%',
    )
  })
})

describe('table 四', () => {
  it('T4-INT: a negative count (the total still adds up)', () => {
    const report = set(exampleReport(), { 't4.review.upheld': 3, 't4.review.other': -1 })
    expect(only(report, 'T4-INT').cells).toEqual(['t4.review.other'])
  })

  it('T4-BLANK: one blank cell', () => {
    const report = set(exampleReport(), { 't4.litigationDirect.other': null })
    expect(only(report, 'T4-BLANK').cells).toEqual(['t4.litigationDirect.other'])
  })

  it('T4-SUM-REVIEW: 2 + 1 + 0 + 0 ≠ 4', () => {
    const report = exampleReport()
    report.cells['t4.review.total'] = 4
    edit(report, 'other', '行政复议3件', '行政复议4件')
    const f = only(report, 'T4-SUM-REVIEW')
    expect(f.message).toBe(
      '表四“行政复议”：结果维持 2 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 3，“总计”填 4，相差 1',
    )
  })

  it('T4-SUM-DIRECT: 1 + 0 + 0 + 1 ≠ 3', () => {
    const report = exampleReport()
    report.cells['t4.litigationDirect.total'] = 3
    edit(report, 'other', '行政诉讼3件', '行政诉讼4件')
    expect(only(report, 'T4-SUM-DIRECT').cells[0]).toBe('t4.litigationDirect.total')
  })

  it('T4-SUM-AFTER: 1 + 0 + 0 + 0 ≠ 0 (洪泽区 2023)', () => {
    const report = exampleReport()
    report.cells['t4.litigationAfterReview.total'] = 0
    edit(report, 'other', '行政诉讼3件', '行政诉讼2件')
    const f = only(report, 'T4-SUM-AFTER')
    expect(f.message).toContain('= 1，“总计”填 0，相差 1')
  })

  it('T4-AFTER-VS-REVIEW: 复议后起诉 without any 复议 this year or last', () => {
    const report = set(exampleReport(), { 't4.review.upheld': 0, 't4.review.corrected': 0 })
    edit(report, 'other', '行政复议3件', '行政复议0件')
    const last = lastYearOf(report)
    expect(last.cells['t4.review.total']).toBe(0)
    expect(only(report, 'T4-AFTER-VS-REVIEW', last).cells[0]).toBe('t4.litigationAfterReview.total')
  })

  it('T4-VOLUME: 126 disputes against 57 + 57 applications', () => {
    const report = set(exampleReport(), { 't4.review.upheld': 122 })
    edit(report, 'other', '行政复议3件', '行政复议123件')
    const f = only(report, 'T4-VOLUME', lastYearOf(report))
    // 复议 122 + 1 = 123, 直接起诉 2, 复议后起诉 1: 126.
    expect(f.message).toContain('合计 126 件，多于本年和上年申请之和 57 + 57 = 114 件')
  })

  it('T4-COUNT-RULE: a government reporting litigation gets the counting advice', () => {
    const f = only(government(exampleReport()), 'T4-COUNT-RULE')
    expect(f.severity).toBe('info')
  })
})

describe('narrative', () => {
  it('N-OVERALL-5: section 一 says nothing of 监督保障', () => {
    const report = exampleReport()
    report.narrative.overview = report.narrative.overview.replace(/（五）监督保障[^\n]*/, '')
    const f = only(report, 'N-OVERALL-5')
    expect(f.message).toContain('未写到：监督保障')
    expect(f.section).toBe('overview')
  })

  it('N-GOV-ASSESS: a government report without 工作考核、社会评议和责任追究', () => {
    const report = government(exampleReport())
    report.narrative.overview = report.narrative.overview.replace(
      /（五）监督保障[^\n]*/,
      '（五）监督保障。局党组专题研究政府信息公开工作，组织业务培训2次。',
    )
    // Policy of issue 9: the whole narrative is searched; section 五 still names 年度考核, so the
    // finding is a warning naming the two subjects of which the text says nothing.
    const findings = validate(report)
    expect(ids(findings)).toEqual(['N-GOV-ASSESS', 'T4-COUNT-RULE'])
    expect(findings[0]!.severity).toBe('warning')
    expect(findings[0]!.message).toContain('正文未提到社会评议、责任追究')
  })

  it('N-GOV-ASSESS: an error when the whole narrative names none of 考核、评议、追究', () => {
    const report = government(exampleReport())
    report.narrative.overview = report.narrative.overview.replace(
      /（五）监督保障[^\n]*/,
      '（五）监督保障。局党组专题研究政府信息公开工作，组织业务培训2次。',
    )
    report.narrative.problems = report.narrative.problems.replace('年度考核', '日常工作')
    const findings = validate(report)
    expect(ids(findings)).toEqual(['N-GOV-ASSESS', 'T4-COUNT-RULE'])
    expect(findings[0]!.severity).toBe('error')
  })

  it('N-GOV-ASSESS accepts 绩效考核、满意度测评、问责 anywhere in the narrative', () => {
    const report = government(exampleReport())
    report.narrative.overview = report.narrative.overview.replace(
      /（五）监督保障[^\n]*/,
      '（五）监督保障。组织业务培训2次。',
    )
    report.narrative.problems = report.narrative.problems.replace('年度考核', '日常工作')
    report.narrative.other += '\n政务公开纳入绩效考核，开展群众满意度测评，对工作不力的严肃问责。'
    expect(ids(validate(report))).toEqual(['T4-COUNT-RULE'])
  })

  it('N-FEE: section 六 does not mention 信息处理费', () => {
    const report = exampleReport()
    edit(
      report,
      'other',
      '（一）信息处理费收取情况。本局严格执行《政府信息公开信息处理费管理办法》，2025年未收取信息处理费。',
      '',
    )
    expect(only(report, 'N-FEE').section).toBe('other')
  })

  it('N-GOV-EXTRA: a government report without 建议提案、工作要点、创新', () => {
    const report = exampleReport()
    report.meta = { ...report.meta, agencyKind: 'government', agencyName: '示例县人民政府' }
    const findings = validate(report)
    expect(ids(findings)).toEqual(['N-GOV-EXTRA', 'T4-COUNT-RULE'])
    expect(findings[0]!.message).toContain(
      '人大代表建议和政协提案办理结果公开、年度政务公开工作要点落实、政务公开创新情况',
    )
  })

  it('N-PREV-ISSUES: last year named problems, this year does not come back to them', () => {
    const report = exampleReport()
    report.narrative.problems = report.narrative.problems.replace(
      /（一）上年度问题整改情况[^\n]*/,
      '',
    )
    const last = lastYearOf(report)
    last.narrative.problems = '存在的主要问题：一是政策解读形式单一。下一步将加强解读。'
    const f = only(report, 'N-PREV-ISSUES', last)
    expect(f.message).toContain('政策解读形式单一')
  })

  it('N-EMPTY: section 五 just says 无 while the tables show work', () => {
    const report = exampleReport()
    report.narrative.problems = '无。'
    expect(only(report, 'N-EMPTY').section).toBe('problems')
  })

  it('N-APPS: the text says 17 applications, table 三 says 53 (洪泽区 2024 pattern)', () => {
    const report = edit(
      exampleReport(),
      'overview',
      '全年共收到政府信息公开申请53件',
      '全年共收到政府信息公开申请17件',
    )
    const f = only(report, 'N-APPS')
    expect(f.cells).toEqual(['t3.newReceived.total'])
    expect(f.message).toContain(
      '称收到申请 17 件，表三“一、本年新收政府信息公开申请数量”总计为 53 件，相差 36',
    )
  })

  it('N-OUTCOME-CLASS: the text counts 8 不予公开, table 三 has 9', () => {
    const report = edit(exampleReport(), 'overview', '不予公开9件', '不予公开8件')
    const f = only(report, 'N-OUTCOME-CLASS')
    expect(f.cells).toHaveLength(8)
    expect(f.message).toContain('称不予公开 8 件，表三相应总计为 9 件，相差 1')
  })

  it('N-OUTCOME-CLASS: 本机关不掌握 put under 不予公开 (大营镇 2023)', () => {
    const report = exampleReport()
    report.narrative.overview += '\n\n不予公开的申请中，本机关不掌握相关政府信息8件。'
    expect(only(report, 'N-OUTCOME-CLASS').cells).toEqual(['t3.unable.notHeld.total'])
  })

  it('N-REG-DOCS: the text says 4 normative documents issued, table 二 says 3', () => {
    const report = edit(
      exampleReport(),
      'overview',
      '制发行政规范性文件3件',
      '制发行政规范性文件4件',
    )
    const f = only(report, 'N-REG-DOCS')
    expect(f.cells).toEqual(['t2.normativeDocs.issued'])
  })

  it('N-LITIG: the text says 5 复议, table 四 says 3', () => {
    const report = edit(exampleReport(), 'other', '行政复议3件', '行政复议5件')
    const f = only(report, 'N-LITIG')
    expect(f.cells).toEqual(['t4.review.total'])
    // 行政复议 named as table 四 prints its column group.
    expect(f.message).toContain('称行政复议 5 件，表四相应总计为 3 件，相差 2')
  })

  it('N-LITIG: "均获维持" while one 复议 was 纠正', () => {
    const report = exampleReport()
    report.narrative.other += '上述行政复议案件均获维持。'
    const f = only(report, 'N-LITIG')
    expect(f.cells).toEqual(['t4.review.corrected'])
    expect(f.message).toContain('行政复议 结果纠正 1')
  })

  it('N-FEE-MULT: 125 元 is not a multiple of 10', () => {
    const report = edit(
      exampleReport(),
      'other',
      '2025年未收取信息处理费',
      '2025年收取信息处理费125元',
    )
    expect(only(report, 'N-FEE-MULT').message).toContain('125 元')
  })

  it('N-COPY: section 一 copied from last year', () => {
    const report = exampleReport()
    const last = lastYearOf(report)
    last.narrative.overview = report.narrative.overview
    expect(only(report, 'N-COPY', last).section).toBe('overview')
  })

  it('N-OBSOLETE-BASIS: a 2025 report cites 〔2019〕60号', () => {
    const report = edit(
      exampleReport(),
      'overview',
      '国办公开办函〔2021〕30号',
      '国办公开办函〔2019〕60号',
    )
    expect(only(report, 'N-OBSOLETE-BASIS').section).toBe('overview')
  })
})

describe('meta', () => {
  it('M-TITLE: the agency name carries the year', () => {
    const report = exampleReport()
    report.meta.agencyName = '示例县市场监督管理局2025年'
    expect(only(report, 'M-TITLE').section).toBe('meta')
  })

  it('M-PERIOD: a statistics period starting in the wrong year', () => {
    const report = edit(exampleReport(), 'overview', '2025年1月1日至', '2024年1月1日至')
    expect(only(report, 'M-PERIOD').message).toContain('应为“2025年1月1日至2025年12月31日”')
  })

  it('M-PERIOD: "20251月1日至202512月31日" (湖滨新区 2023 pattern)', () => {
    const report = edit(
      exampleReport(),
      'overview',
      '2025年1月1日至2025年12月31日',
      '20251月1日至202512月31日',
    )
    expect(ids(validate(report))).toEqual(['M-PERIOD'])
  })

  it('M-DEADLINE-DEPT: a department publishing on 5 February', () => {
    const report = exampleReport()
    report.meta.issuedOn = '2026-02-05'
    const late = only(report, 'M-DEADLINE-DEPT')
    expect(late.message).toContain('2026年1月31日前')
    // Severity policy (issue 9): a date already past cannot be fixed by editing — a warning.
    expect(late.severity).toBe('warning')
  })

  it('M-DEADLINE-DEPT with the level not yet confirmed: 请先确认机关层级 (info)', () => {
    const report = exampleReport()
    report.meta = { ...report.meta, issuedOn: '2026-02-05', levelUnconfirmed: true }
    const late = only(report, 'M-DEADLINE-DEPT')
    expect(late.severity).toBe('info')
    expect(late.message).toMatch(/^请先确认机关层级/)
  })

  it('M-DEADLINE-GOV: a county government publishing on 1 April', () => {
    const report = government(exampleReport())
    report.meta.issuedOn = '2026-04-01'
    const findings = validate(report)
    expect(ids(findings)).toEqual(['M-DEADLINE-GOV', 'T4-COUNT-RULE'])
    expect(findings[0]!.severity).toBe('warning')
  })

  it('M-DEADLINE-LOCAL: a 街道办事处 is pointed to the local notice', () => {
    const report = exampleReport()
    report.meta = {
      ...report.meta,
      agencyKind: 'township',
      level: 'township',
      agencyName: '示例街道办事处',
    }
    expect(only(report, 'M-DEADLINE-LOCAL').severity).toBe('info')
  })

  it('M-SIGN: no 成文日期', () => {
    const report = exampleReport()
    delete report.meta.issuedOn
    expect(only(report, 'M-SIGN').severity).toBe('info')
  })

  it('M-SCOPE: last year was an aggregate report: no cross-year check', () => {
    const report = exampleReport()
    const last = lastYearOf(report)
    last.meta.scope = 'aggregate'
    last.cells['t3.carriedOver.naturalPerson'] = 99
    expect(only(report, 'M-SCOPE', last).severity).toBe('info')
  })
})

describe('cross-year', () => {
  it('X-CARRY: 上年结转 3 but last year carried 2 (自然人 only, not the 总计 too)', () => {
    const report = exampleReport()
    const last = lastYearOf(report)
    last.cells['t3.carriedOver.naturalPerson'] = 2
    last.cells['t3.carriedOver.total'] = 3
    const f = only(report, 'X-CARRY', last)
    expect(f.cells).toEqual(['t3.carriedIn.naturalPerson'])
    expect(f.message).toBe(
      '表三“自然人”列：本年“二、上年结转” 3 件，上年报告“四、结转下年度继续办理” 2 件，相差 1',
    )
  })

  it('X-CARRY: last year of another year is not compared (one info)', () => {
    const report = exampleReport()
    const last = lastYearOf(report)
    last.meta.year = 2023
    last.cells['t3.carriedOver.naturalPerson'] = 99
    expect(only(report, 'X-CARRY', last).severity).toBe('info')
  })

  it('X-IDENTICAL: every figure as last year', () => {
    // Steady state: 二 = 四 = [2, 2, 0, 0, 0, 1]; 新收 adjusted to keep the balance; 制发 = 废止 = 2.
    const report = set(exampleReport(), {
      't3.carriedIn.naturalPerson': 2,
      't3.carriedIn.business': 2,
      't3.carriedIn.otherOrg': 1,
      't3.newReceived.naturalPerson': 39,
      't3.newReceived.business': 8,
      't3.newReceived.otherOrg': 1,
      't2.normativeDocs.issued': 2,
    })
    edit(report, 'overview', '申请53件', '申请52件')
    edit(report, 'overview', '上年结转4件', '上年结转5件')
    edit(report, 'overview', '制发行政规范性文件3件', '制发行政规范性文件2件')
    expect(validate(report)).toEqual([])
    const last = structuredClone(report)
    last.meta = { ...last.meta, year: 2024, issuedOn: '2025-01-20' }
    last.narrative = { overview: '', problems: '', other: '' }
    expect(only(report, 'X-IDENTICAL', last).severity).toBe('warning')
  })
})

describe('blank is not zero', () => {
  it('says nothing about an untouched draft', () => {
    const report = exampleReport()
    for (const id of Object.keys(report.cells)) report.cells[id] = null
    report.narrative = { overview: '', problems: '', other: '' }
    expect(ids(validate(report))).toEqual(['N-OVERALL-5', 'N-FEE'])
  })

  it('reports blanks, not a mismatch, when the filled parts do not exceed the total', () => {
    const report = exampleReport()
    report.cells['t3.disclosed.naturalPerson'] = null
    expect(ids(validate(report))).toEqual(['T3-BLANK'])
  })

  it('still reports a mismatch when the filled parts already exceed the total', () => {
    const report = exampleReport()
    report.cells['t3.disclosed.naturalPerson'] = null
    report.cells['t3.disclosed.business'] = 40
    expect(ids(validate(report))).toContain('T3-ROWSUM')
  })
})

describe('the catalogue', () => {
  it('knows every id of rules.md (typed by hand), X-STOCK and X-PREV-ISSUES as aliases', () => {
    const fromSpec = [
      'T2-INT',
      'T2-FEE-NUM',
      'T2-FEE-UNIT',
      'T2-REG-POWER',
      'T2-REG-DEPT',
      'T2-STOCK-WITHIN',
      'T2-STOCK-XYEAR',
      'T2-REPEAL-BOUND',
      'T2-OLDFORMAT',
      'T2-LABEL',
      'T3-INT',
      'T3-BLANK',
      'T3-ROWSUM',
      'T3-SUBTOTAL',
      'T3-BALANCE',
      'T3-CARRY-BOUND',
      'T3-CARRY-HIGH',
      'T3-SIX-SPLIT',
      'T3-FEE-LINK',
      'T3-LABEL',
      'T3-OUTCOME-PLAUS',
      'T4-INT',
      'T4-SUM-REVIEW',
      'T4-SUM-DIRECT',
      'T4-SUM-AFTER',
      'T4-AFTER-VS-REVIEW',
      'T4-VOLUME',
      'T4-COUNT-RULE',
      'N-SECTIONS',
      'N-OVERALL-5',
      'N-GOV-ASSESS',
      'N-FEE',
      'N-GOV-EXTRA',
      'N-PREV-ISSUES',
      'N-EMPTY',
      'N-APPS',
      'N-OUTCOME-CLASS',
      'N-REG-DOCS',
      'N-LITIG',
      'N-FEE-MULT',
      'N-COPY',
      'N-OBSOLETE-BASIS',
      'M-TITLE',
      'M-PERIOD',
      'M-DEADLINE-DEPT',
      'M-DEADLINE-GOV',
      'M-DEADLINE-LOCAL',
      'M-SIGN',
      'M-FORMAT-YEAR',
      'M-SCOPE',
      'X-CARRY',
      'X-STOCK',
      'X-IDENTICAL',
      'X-PREV-ISSUES',
      'X-AGG',
    ]
    const known = (id: string) => id in RULES || id in RULE_ALIASES
    expect(fromSpec.filter((id) => !known(id))).toEqual([])
    expect(RULE_ALIASES).toEqual({ 'X-STOCK': 'T2-STOCK-XYEAR', 'X-PREV-ISSUES': 'N-PREV-ISSUES' })
    // Beyond rules.md: the blank findings of tables 二 and 四 ("T*-BLANK-type").
    expect(Object.keys(RULES).filter((id) => !fromSpec.includes(id))).toEqual([
      'T2-BLANK',
      'T4-BLANK',
    ])
  })
})

describe('bad input', () => {
  it('never throws: odd values, missing cells, missing text, empty meta', () => {
    const report = exampleReport()
    report.cells['t3.disclosed.naturalPerson'] = Number.NaN
    report.cells['t4.review.upheld'] = Number.POSITIVE_INFINITY
    delete report.cells['t2.fees.amount']
    report.narrative = {
      overview: '。。；\n',
      problems: '１２３件',
      other: '',
    } as Report['narrative']
    report.meta.agencyName = ''
    const findings = validate(report, { lastYear: createReport({ ...report.meta, year: 2019 }) })
    expect(ids(findings)).toContain('T3-INT')
    expect(ids(findings)).toContain('T4-INT')
    expect(ids(findings)).toContain('M-TITLE')
  })
})
