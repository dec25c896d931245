/** Reading real-looking report sentences: numbers, outcomes, disputes, fees, coverage. */
import { describe, expect, it } from 'vitest'
import {
  createReport,
  exampleReport,
  narrativeCoverage,
  validate,
  type Report,
} from '../../../src/domain'
import { chineseNumber, narrativeFacts, splitSentences } from '../../../src/domain/narrative'
import { seedReport } from '../../fixtures/seed2020'

function withText(overview: string, other = '', year = 2024): Report {
  const report = createReport({
    agencyName: '示例区人民政府',
    agencyKind: 'government',
    level: 'county',
    year,
    scope: 'aggregate',
  })
  report.narrative = { overview, problems: '', other }
  return report
}
const facts = (overview: string, other = '') => narrativeFacts(withText(overview, other))

describe('sentences and numerals', () => {
  it('splits at 。；！？ and line breaks and drops the spaces of PDF copies', () => {
    expect(
      splitSentences('2020 年，本中心无依申请公开信息；也未发生行政复议。\n下一步').map(
        (s) => s.text,
      ),
    ).toEqual(['2020年，本中心无依申请公开信息', '也未发生行政复议', '下一步'])
  })

  it('reads Chinese numerals', () => {
    expect(chineseNumber('十二')).toBe(12)
    expect(chineseNumber('两')).toBe(2)
    expect(chineseNumber('十')).toBe(10)
    expect(chineseNumber('一百零五')).toBe(105)
    expect(chineseNumber('两万三千')).toBe(23000)
    expect(chineseNumber('若干')).toBeNull()
  })
})

describe('applications stated in the text', () => {
  it('reads received, carried in, answered and carried over', () => {
    const apps = facts(
      '全年共收到政府信息公开申请53件，上年结转4件，办结52件，结转下年度继续办理5件。',
    ).apps.map((a) => [a.kind, a.value])
    expect(apps).toEqual([
      ['received', 53],
      ['carriedIn', 4],
      ['answered', 52],
      ['carriedOver', 5],
    ])
  })

  it('reads Chinese numerals and ignores changes and sub-counts', () => {
    const apps = facts(
      '本年度受理政府信息公开申请十二件，同比增加两件，其中自然人申请10件。',
    ).apps.map((a) => [a.kind, a.value])
    expect(apps).toEqual([['received', 12]])
  })

  it('reads "无依申请公开信息" in the seed as 0 received, and 未发生复议诉讼 as 0 and 0', () => {
    const seed = narrativeFacts(seedReport())
    expect(seed.apps.map((a) => [a.kind, a.value])).toEqual([['received', 0]])
    expect(seed.disputes.map((d) => [d.kind, d.value])).toEqual([
      ['review', 0],
      ['litigation', 0],
    ])
    expect(seed.apps[0]!.sentence).toBe(
      '2020年度，本中心无依申请公开信息，也未发生行政复议、行政诉讼的情况',
    )
  })

  it('N-APPS quotes the sentence: 17 in the text, 95 in table 三 (洪泽区 2024)', () => {
    const report = withText('2024年，全区共收到政府信息公开申请17件，均已按时答复。')
    report.cells['t3.newReceived.naturalPerson'] = 95
    report.cells['t3.newReceived.total'] = 95
    const found = validate(report).filter((f) => f.ruleId === 'N-APPS')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toBe(
      '正文“2024年，全区共收到政府信息公开申请17件，均已按时答复”称收到申请 17 件，表三“一、本年新收政府信息公开申请数量”总计为 95 件，相差 78',
    )
  })

  it('accepts 一 + 二 for "办理"', () => {
    const report = exampleReport()
    report.narrative.overview += '本年共办理政府信息公开申请57件。'
    expect(validate(report)).toEqual([])
  })
})

describe('Shanghai 2019: outcomes stated together, "均获维持" with cases pending', () => {
  const report = withText(
    '全年共受理政府信息公开申请612件。其中，予以公开及部分公开258件，无法提供265件。',
    '因政府信息公开工作被申请行政复议的案件均获维持。',
    2019,
  )
  Object.assign(report.cells, {
    't3.disclosed.total': 200,
    't3.partlyDisclosed.total': 75,
    't3.unable.notHeld.total': 300,
    't3.unable.needsCreation.total': 30,
    't3.unable.stillUnclear.total': 7,
    't4.review.upheld': 10,
    't4.review.pending': 2,
  })
  const findings = validate(report)

  it('compares 258 with 予以公开 200 + 部分公开 75 = 275 and 265 with 无法提供 337', () => {
    const outcome = findings.filter((f) => f.ruleId === 'N-OUTCOME-CLASS').map((f) => f.message)
    expect(outcome).toEqual([
      '正文“其中，予以公开及部分公开258件，无法提供265件”称予以公开及部分公开 258 件，表三相应总计为 275 件，相差 17',
      '正文“其中，予以公开及部分公开258件，无法提供265件”称无法提供 265 件，表三相应总计为 337 件，相差 72',
    ])
  })

  it('flags "均获维持" while 2 复议 are 尚未审结', () => {
    const litig = findings.filter((f) => f.ruleId === 'N-LITIG')
    expect(litig).toHaveLength(1)
    expect(litig[0]!.cells).toEqual(['t4.review.pending'])
    expect(litig[0]!.message).toContain('行政复议 尚未审结 2')
  })
})

describe('fees, documents and disputes', () => {
  it('reads 信息处理费 in 元, 万元 and "未收取"', () => {
    const fee = (text: string) => facts('', text).fees.map((f) => f.value)
    expect(fee('严格落实《政府信息公开信息处理费管理办法》，全年收取信息处理费3940元。')).toEqual([
      3940,
    ])
    expect(fee('本年度未收取信息处理费。')).toEqual([0])
    expect(fee('收取信息处理费0元。')).toEqual([0])
    expect(fee('共收取信息处理费0.3万元。')).toEqual([3000])
  })

  it('reads 规章 and 行政规范性文件 counts, not 政策性文件 or 内部规章制度', () => {
    const docs = facts(
      '本年制发规章4件，废止2件，现行有效规章63件；制发行政规范性文件37件。印发政策性文件12件。修订内部规章制度5件。',
    ).docs.map((d) => [d.docType, d.kind, d.value])
    expect(docs).toEqual([
      ['规章', 'issued', 4],
      ['规章', 'repealed', 2],
      ['规章', 'inForce', 63],
      ['规范性文件', 'issued', 37],
    ])
  })

  it('reads 复议 and 诉讼 counts', () => {
    const disputes = facts(
      '',
      '被申请行政复议3件，被提起行政诉讼两件，其中复议后起诉1件。',
    ).disputes
    expect(disputes.map((d) => [d.kind, d.value])).toEqual([
      ['review', 3],
      ['litigation', 2],
    ])
  })
})

describe('narrativeCoverage', () => {
  it('finds every topic in the sample', () => {
    for (const section of narrativeCoverage(exampleReport())) {
      expect(section.topics.filter((t) => !t.covered)).toEqual([])
    }
  })

  it('shows what the seed misses: 监督保障, the fee statement and last year’s problems', () => {
    const missing = narrativeCoverage(seedReport()).map((s) => [
      s.heading,
      s.topics.filter((t) => !t.covered).map((t) => t.topic),
    ])
    expect(missing).toEqual([
      ['一、总体情况', ['监督保障']],
      ['五、存在的主要问题及改进情况', ['上年度问题的改进情况']],
      ['六、其他需要报告的事项', ['信息处理费收取情况']],
    ])
  })

  it('asks a government for the statutory extras', () => {
    const topics = narrativeCoverage(withText('')).flatMap((s) => s.topics.map((t) => t.topic))
    expect(topics).toEqual([
      '主动公开',
      '依申请公开',
      '政府信息管理',
      '政府信息公开平台建设',
      '监督保障',
      '工作考核、社会评议和责任追究结果情况',
      '存在的主要问题',
      '上年度问题的改进情况',
      '下一步改进措施',
      '信息处理费收取情况',
      '人大代表建议和政协提案办理结果公开',
      '年度政务公开工作要点落实',
      '政务公开创新情况',
    ])
  })
})
