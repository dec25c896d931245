/**
 * Issue 9: sentence shapes of correct real reports that the reader misread (classes 1–9). The
 * sentences are written for these tests; the figures are hand-set so that each report is correct.
 */
import { describe, expect, it } from 'vitest'
import {
  createReport,
  validate,
  type AgencyKind,
  type Level,
  type Report,
} from '../../../src/domain'
import { narrativeFacts, sentenceRange } from '../../../src/domain/narrative'

function report(
  text: { overview?: string; problems?: string; other?: string },
  meta: { agencyName?: string; agencyKind?: AgencyKind; level?: Level } = {},
): Report {
  const r = createReport({
    agencyName: meta.agencyName ?? '示例县市场监督管理局',
    agencyKind: meta.agencyKind ?? 'department',
    level: meta.level ?? 'county',
    year: 2024,
    scope: 'self',
  })
  r.narrative = { overview: '', problems: '', other: '', ...text }
  return r
}

/** Table 三 totals: 一 new, 二 carried in, 予以公开, 其他处理 3.其他, 四 carried over. */
function withApplications(
  r: Report,
  t: { new: number; carried: number; disclosed: number; other: number; over: number },
) {
  Object.assign(r.cells, {
    't3.newReceived.naturalPerson': t.new,
    't3.newReceived.total': t.new,
    't3.carriedIn.naturalPerson': t.carried,
    't3.carriedIn.total': t.carried,
    't3.disclosed.naturalPerson': t.disclosed,
    't3.disclosed.total': t.disclosed,
    't3.otherHandling.otherReason.naturalPerson': t.other,
    't3.otherHandling.otherReason.total': t.other,
    't3.resultTotal.naturalPerson': t.disclosed + t.other,
    't3.resultTotal.total': t.disclosed + t.other,
    't3.carriedOver.naturalPerson': t.over,
    't3.carriedOver.total': t.over,
  })
  return r
}

const apps = (r: Report) => narrativeFacts(r).apps.map((a) => [a.kind, a.value])
const appFindings = (r: Report) => validate(r).filter((f) => f.ruleId === 'N-APPS')

describe('class 1: outcome categories after a 办结 clause are not totals', () => {
  const text =
    '本年度新收政府信息公开申请14件，上年结转2件。在办结的申请中，予以公开9件，其他处理4件，转入下年度办理3件。'
  // 14 + 2 = 16 = （七）13 + 四 3
  const r = withApplications(report({ overview: text }), {
    new: 14,
    carried: 2,
    disclosed: 9,
    other: 4,
    over: 3,
  })

  it('reads 新收 14, 上年结转 2 and 转入下年度 3, nothing as 办结', () => {
    expect(apps(r)).toEqual([
      ['received', 14],
      ['carriedIn', 2],
      ['carriedOver', 3],
    ])
  })

  it('raises no N-APPS on the correct report', () => {
    expect(appFindings(r)).toEqual([])
  })

  it('reads no total from outcome wordings: 转其他机关办理, 信息不存在, 告知, 撤回', () => {
    const t = report({
      overview:
        '本年度受理政府信息公开申请10件。转其他机关办理1件，信息不存在2件，告知另行申请1件，申请人撤回申请1件。',
    })
    expect(apps(t)).toEqual([['received', 10]])
  })

  it('still reads the total named before the list: "在办结的13件申请中"', () => {
    const t = report({ overview: '在办结的13件申请中，同意公开9件，其他处理4件。' })
    expect(apps(t)).toEqual([['answered', 13]])
  })
})

describe('outcomes stated with what they include', () => {
  it('"予以公开12件（含部分公开3件）" is 予以公开 + 部分公开 = 12', () => {
    const outcomes = narrativeFacts(
      report({ overview: '办结的申请中，予以公开12件（含部分公开3件），无法提供2件。' }),
    ).outcomes.map((o) => [o.kind, o.value])
    expect(outcomes).toEqual([
      ['予以公开+部分公开', 12],
      ['无法提供', 2],
    ])
  })
})

describe('class 2: a negative sentence about outcomes is not a zero count', () => {
  const sentence = '全年没有出现因依申请公开而被复议纠错、诉讼败诉的情况。'

  it('reads neither 0 applications nor 0 复议 / 诉讼', () => {
    const facts = narrativeFacts(report({ other: sentence }))
    expect(facts.apps).toEqual([])
    expect(facts.disputes).toEqual([])
  })

  it('raises no N-APPS or N-LITIG beside 5 applications and 1 复议', () => {
    const r = withApplications(report({ overview: sentence }), {
      new: 5,
      carried: 0,
      disclosed: 5,
      other: 0,
      over: 0,
    })
    Object.assign(r.cells, { 't4.review.upheld': 1, 't4.review.total': 1 })
    expect(validate(r).filter((f) => f.ruleId === 'N-APPS' || f.ruleId === 'N-LITIG')).toEqual([])
  })

  it('still reads "未发生行政复议、行政诉讼" as 0 and 0', () => {
    const facts = narrativeFacts(report({ other: '本年度未发生行政复议、行政诉讼案件。' }))
    expect(facts.disputes.map((d) => [d.kind, d.value])).toEqual([
      ['review', 0],
      ['litigation', 0],
    ])
  })
})

describe('class 3: 共受理 N = 本年新收 + 上年结转 is consistent', () => {
  // 新收 20 + 结转 3 = 23; 办理 21 (= （七）) + 结转 2 (= 四) = 23
  const r = withApplications(
    report({ overview: '全年共受理政府信息公开申请23件，办理21件，结转2件。' }),
    { new: 20, carried: 3, disclosed: 18, other: 3, over: 2 },
  )

  it('reads 受理 23, 办理 21 and 结转 2 (to next year)', () => {
    expect(apps(r)).toEqual([
      ['received', 23],
      ['handled', 21],
      ['carriedOver', 2],
    ])
  })

  it('raises nothing: 23 = 20 + 3', () => {
    expect(appFindings(r)).toEqual([])
  })

  it('still flags 受理 25 against 新收 20 + 结转 3 = 23', () => {
    const wrong = withApplications(report({ overview: '全年共受理政府信息公开申请25件。' }), {
      new: 20,
      carried: 3,
      disclosed: 18,
      other: 3,
      over: 2,
    })
    expect(appFindings(wrong).map((f) => f.message)).toEqual([
      '正文“全年共受理政府信息公开申请25件”称收到申请 25 件，表三“一、本年新收政府信息公开申请数量”总计为 20 件，相差 5',
    ])
  })
})

describe('class 4: fee statements in their usual shapes', () => {
  const fees = (other: string) => narrativeFacts(report({ other })).fees.map((f) => f.value)
  const feeFindings = (other: string) =>
    validate(report({ other })).filter((f) => f.ruleId === 'N-FEE')

  it.each([
    ['no 处理费 word', '本机关在政府信息公开工作中未收取任何费用。'],
    ['heading line, then the answer', '（三）信息处理费收取情况\n本年度未向申请人收取。'],
    ['heading line, then 无', '三、信息处理费的收取情况\n无。'],
    ['无…收取…处理费情况', '本年度无依申请公开收取信息处理费情况。'],
    ['没有产生…处理费', '全年办理依申请公开没有产生信息处理费。'],
    ['fee table', '通知收取件数 通知收取金额（元） 实际收取金额（元）\n0 0 0'],
    ['fee table with bars', '通知收取件数|通知收取金额|实际收取金额\n0|0|0'],
    ['fee items in one line', '通知收取件数0件；通知收取金额0元；实际收取金额0元。'],
  ])('%s → 0 元, no N-FEE', (_name, text) => {
    expect(fees(text)).toEqual([0])
    expect(feeFindings(text)).toEqual([])
  })

  it('reads the amount of a fee table under 实际收取金额（元）', () => {
    expect(fees('通知收取件数 通知收取金额（元） 实际收取金额（元）\n2 300 200')).toEqual([200])
  })

  it('a heading alone still gets N-FEE', () => {
    expect(feeFindings('（三）信息处理费收取情况')).toHaveLength(1)
  })
})

describe('class 5: N-GOV-EXTRA asks a 乡镇 nothing about 政协', () => {
  it('a 镇人民政府 is asked for 工作要点 and 创新 only', () => {
    const r = report(
      { other: '本年度未收取信息处理费。' },
      { agencyName: '示例县青石镇人民政府', agencyKind: 'township', level: 'township' },
    )
    const extra = validate(r).filter((f) => f.ruleId === 'N-GOV-EXTRA')
    expect(extra).toHaveLength(1)
    expect(extra[0]!.message).not.toContain('政协')
    expect(extra[0]!.message).toContain('年度政务公开工作要点落实、政务公开创新情况')
  })

  it('a 县人民政府 is still asked for 人大代表建议和政协提案', () => {
    const r = report(
      { other: '本年度未收取信息处理费。' },
      { agencyName: '示例县人民政府', agencyKind: 'government' },
    )
    const extra = validate(r).filter((f) => f.ruleId === 'N-GOV-EXTRA')
    expect(extra[0]!.message).toContain('人大代表建议和政协提案办理结果公开')
  })
})

describe('class 7: M-PERIOD accepts "YYYY年1月1日至12月31日"', () => {
  const period = (overview: string) =>
    validate(report({ overview })).filter((f) => f.ruleId === 'M-PERIOD')

  it('accepts the year written once', () => {
    expect(period('本报告统计期限为2024年1月1日至12月31日。')).toEqual([])
  })

  it('accepts "自2024年1月1日起，至12月31日止" (a comma after 起)', () => {
    expect(period('本报告数据统计期限自2024年1月1日起，至12月31日止。')).toEqual([])
  })

  it('a validity period of a document is not the statistics period', () => {
    expect(period('《公开目录》自2022年1月1日起施行，有效期至2026年12月31日。')).toEqual([])
  })

  it('still flags a wrong year written once', () => {
    expect(period('本报告统计期限为2023年1月1日至12月31日。')).toHaveLength(1)
  })
})

describe('class 8: "已办结N件" against a different （七）总计', () => {
  it('is found even when the sentence does not repeat 申请', () => {
    const r = withApplications(
      report({ overview: '（二）依申请公开情况\n本年新收12件，已办结11件，结转下年度1件。' }),
      { new: 12, carried: 0, disclosed: 9, other: 1, over: 2 },
    )
    // （七） = 9 + 1 = 10, the text says 11; 四 = 2, the text says 1.
    expect(appFindings(r).map((f) => f.message)).toEqual([
      '正文“本年新收12件，已办结11件，结转下年度1件”称办结 11 件，表三“（七）总计”总计为 10 件，相差 1',
      '正文“本年新收12件，已办结11件，结转下年度1件”称结转下年度 1 件，表三“四、结转下年度继续办理”总计为 2 件，相差 1',
    ])
  })

  it('after a sentence about 申请, only 新收 / 办结 are read: 办理备案 is other business', () => {
    const r = report({
      overview: '全年收到政府信息公开申请20件。办理规范性文件备案12件，办结信访事项3件。',
    })
    expect(apps(r)).toEqual([['received', 20]])
  })

  it('"从2023年结转2件" is carried in, not carried over', () => {
    expect(apps(report({ overview: '本年度新收政府信息公开申请9件，从2023年结转2件。' }))).toEqual([
      ['received', 9],
      ['carriedIn', 2],
    ])
  })

  it('does not read 办结 counts of 人大建议 as applications', () => {
    const r = report({ overview: '依申请公开工作稳步推进。办结人大代表建议8件。' })
    expect(apps(r)).toEqual([])
  })
})

describe('class 9: 「本年新收N件」 without the word 申请', () => {
  it('reads 新收 after a heading about 依申请公开', () => {
    expect(apps(report({ overview: '二、依申请公开情况\n本年新收5件。' }))).toEqual([
      ['received', 5],
    ])
  })
})

describe('coverage wordings seen in real reports', () => {
  const missing = (overview: string) =>
    validate(report({ overview, other: '本年度未收取信息处理费。' }))
      .filter((f) => f.ruleId === 'N-OVERALL-5')
      .map((f) => f.message)
  const rest = '主动公开信息120条。依申请公开按流程办理。依托门户网站发布。监督保障：纳入考核。'

  it('信息发布审核 and 保密 count as 政府信息管理', () => {
    expect(missing('执行信息发布审核制度。' + rest)).toEqual([])
    expect(missing('公开前进行保密审查。' + rest)).toEqual([])
  })

  it('a report that says nothing of it is still told', () => {
    expect(
      missing('依申请公开按流程办理。依托门户网站发布。监督保障：纳入考核。主动公开120条。'),
    ).toEqual(['“一、总体情况”未写到：政府信息管理'])
  })

  it('"按县政务公开要点落实" counts as 年度政务公开工作要点落实', () => {
    const r = report(
      { other: '本年度未收取信息处理费。按县政务公开要点落实各项工作。创新开展公开日活动。' },
      { agencyName: '示例县青石镇人民政府', agencyKind: 'township', level: 'township' },
    )
    expect(validate(r).filter((f) => f.ruleId === 'N-GOV-EXTRA')).toEqual([])
  })
})

describe('sentenceRange: the quoted sentence in the text as typed', () => {
  it('finds a sentence read without spaces and with half-width digits', () => {
    const text = '（二）依申请公开\n本年新收 １２ 件，已办结11件。结转1件。'
    const sentence = narrativeFacts(report({ overview: text })).apps[0]!.sentence
    const range = sentenceRange(text, sentence)
    expect(range && text.slice(...range)).toBe('本年新收 １２ 件，已办结11件')
  })

  it('is null when the text changed', () => {
    expect(sentenceRange('本年新收12件。', '本年新收13件')).toBeNull()
  })
})
