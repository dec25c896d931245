/** What the narrative sections must cover (N-OVERALL-5, N-GOV-*, N-FEE, N-PREV-ISSUES, N-EMPTY …). */
import { sectionHeading, type NarrativeKey } from '../formats'
import {
  FEE_TOPIC,
  GOV_ASSESS_SUBJECTS,
  GOV_ASSESS_TOPIC,
  GOV_EXTRA_TOPICS,
  isPeoplesGovernment,
  missingAssessmentSubjects,
  missingTopics,
  PREV_ISSUES_TOPIC,
  similarity,
  splitSentences,
} from '../narrative'
import { lru } from '../narrative/cache'
import type { Finding } from './types'
import { finding, num, quote, valueOf, type Check, type RuleInput } from './util'

/** Above this bigram similarity to last year's text a section counts as copied. */
export const COPY_SIMILARITY = 0.85
const COPY_MIN_LENGTH = 30

const headingOf = ({ format }: RuleInput, key: NarrativeKey) => sectionHeading(format, key)

export const checkOverview: Check = (input) => {
  const missing = missingTopics(input.report, 'overview').filter((t) => t !== GOV_ASSESS_TOPIC)
  if (!missing.length) return []
  return [
    finding('N-OVERALL-5', [], `“${headingOf(input, 'overview')}”未写到：${missing.join('、')}`, {
      section: 'overview',
    }),
  ]
}

/**
 * Searched in the whole narrative: an error only when none of 考核 / 评议 / 追究 appears at all (the
 * one statutory item rules.md lets a text heuristic call an error), else a warning naming the rest.
 */
export const checkGovernmentAssessment: Check = (input) => {
  if (!isPeoplesGovernment(input.report.meta)) return []
  const missing = missingAssessmentSubjects(input.report)
  if (!missing.length) return []
  if (missing.length === GOV_ASSESS_SUBJECTS.length) {
    return [
      finding(
        'N-GOV-ASSESS',
        [],
        `人民政府的年报应报告${GOV_ASSESS_TOPIC}，正文各部分均未提到工作考核、社会评议或责任追究（可写在“${headingOf(input, 'overview')}”的监督保障部分）`,
        { section: 'overview', severity: 'error' },
      ),
    ]
  }
  return [
    finding(
      'N-GOV-ASSESS',
      [],
      `人民政府的年报应报告${GOV_ASSESS_TOPIC}，正文未提到${missing.join('、')}`,
      { section: 'overview' },
    ),
  ]
}

export const checkFeeStatement: Check = (input) =>
  missingTopics(input.report, 'other').includes(FEE_TOPIC)
    ? [
        finding(
          'N-FEE',
          [],
          `“${headingOf(input, 'other')}”未说明信息处理费收取情况；未收取也应写明（如“本年度未收取信息处理费”）`,
          { section: 'other' },
        ),
      ]
    : []

export const checkGovernmentExtras: Check = (input) => {
  if (!isPeoplesGovernment(input.report.meta)) return []
  const missing = missingTopics(input.report, 'other').filter((t) =>
    (GOV_EXTRA_TOPICS as readonly string[]).includes(t),
  )
  return missing.length
    ? [
        finding(
          'N-GOV-EXTRA',
          [],
          `人民政府的年报“${headingOf(input, 'other')}”还应报告：${missing.join('、')}，正文中未找到`,
          { section: 'other' },
        ),
      ]
    : []
}

const PROBLEM = /问题|不足|差距|短板|薄弱/

export const checkPreviousIssues: Check = (input) => {
  const last = input.lastYear?.narrative.problems.trim()
  if (!last || !missingTopics(input.report, 'problems').includes(PREV_ISSUES_TOPIC)) return []
  const named = splitSentences(last).find((s) => PROBLEM.test(s.text))
  return [
    finding(
      'N-PREV-ISSUES',
      [],
      `“${headingOf(input, 'problems')}”未说明上年度报告所提问题的改进情况${named ? `；上年写道${quote(named.text)}` : ''}`,
      { section: 'problems' },
    ),
  ]
}

const NON_ANSWER =
  /^(本年度?|今年|全年|\d{4}年度?)?(本单位|本机关|本中心|本局|本部门|我单位|我局|我镇|我街道)?(暂|目前|尚|均)?(无|没有|未发现|未发生|不存在)(明显|突出|存在)?(的)?(其他)?(需要|需)?(报告|说明)?的?(问题|事项|情况|不足)?(及改进情况)?$/

/** "无", "暂无问题", "没有", "本单位无其他报告事项": a section that says nothing. */
export function isEffectivelyEmpty(text: string): boolean {
  const bare = text.replace(/[\s\p{P}]/gu, '')
  return bare.length < 2 || /^略$/.test(bare) || (bare.length <= 20 && NON_ANSWER.test(bare))
}

/** Figures of the year itself: anything filled except what was carried in from last year. */
const hasActivity = (input: RuleInput) => {
  const carriedIn = new Set(input.plan.carry.map((c) => c.carriedIn))
  return input.plan.cells.some(
    (c) => !carriedIn.has(c.id) && (valueOf(input.report, c.id) ?? 0) > 0,
  )
}

export const checkEmptySections: Check = (input) => {
  if (!hasActivity(input)) return []
  return input.format.sections.flatMap((spec): Finding[] => {
    if (spec.kind !== 'narrative') return []
    const text = input.report.narrative[spec.key] ?? ''
    if (!isEffectivelyEmpty(text)) return []
    const said = text.trim() ? `只写了“${text.trim()}”` : '是空的'
    return [
      finding('N-EMPTY', [], `“${spec.heading}”${said}，但表格显示本年有工作数据，请据实填写`, {
        section: spec.key,
      }),
    ]
  })
}

/** Figures of a text other than years (`2025年`), in order. */
const figures = (text: string) =>
  [...text.matchAll(/\d+(?:\.\d+)?(?!\d*年)/g)].map((m) => m[0]).join(' ')

// Comparing with last year costs more than all other checks together; the texts rarely change.
const similarityCache = lru<number>(16)
const cachedSimilarity = (a: string, b: string) =>
  similarityCache(a + '\u0000' + b, () => similarity(a, b))

export const checkCopy: Check = (input) => {
  const last = input.lastYear
  if (!last) return []
  return input.format.sections.flatMap((spec): Finding[] => {
    if (spec.kind !== 'narrative') return []
    const now = input.report.narrative[spec.key] ?? ''
    const before = last.narrative[spec.key] ?? ''
    if (now.trim().length < COPY_MIN_LENGTH || before.trim().length < COPY_MIN_LENGTH) return []
    const ratio = cachedSimilarity(now, before)
    const sameFigures = figures(now).split(' ').length >= 3 && figures(now) === figures(before)
    if (ratio < COPY_SIMILARITY && !sameFigures) return []
    const why =
      ratio >= COPY_SIMILARITY
        ? `与上年报告相同部分的相似度为 ${num(Math.round(ratio * 100))}%`
        : `中的数字与上年报告完全相同（${figures(now).split(' ').slice(0, 5).join('、')}…）`
    return [
      finding('N-COPY', [], `“${spec.heading}”${why}，疑似照搬上年内容`, { section: spec.key }),
    ]
  })
}

const OBSOLETE_BASIS = /[〔[(（【]2019[〕\])）】]60号|格式[（(]试行[）)]/

export const checkObsoleteBasis: Check = (input) => {
  // Only the current format makes the old one obsolete (a migrated 2020 report may cite it).
  const { format, report } = input
  if (format.lastYear !== undefined || report.meta.year < format.firstYear) return []
  return input.format.sections.flatMap((spec): Finding[] => {
    if (spec.kind !== 'narrative') return []
    const text = input.report.narrative[spec.key] ?? ''
    if (!OBSOLETE_BASIS.test(text.replace(/\s+/g, ''))) return []
    const hit = splitSentences(text).find((s) => OBSOLETE_BASIS.test(s.text))
    return hit
      ? [
          finding(
            'N-OBSOLETE-BASIS',
            [],
            `${input.report.meta.year}年度报告应依据国办公开办函〔2021〕30号格式，正文${quote(hit.text)}仍引用2019年的试行格式`,
            { section: spec.key, sentence: hit.text },
          ),
        ]
      : []
  })
}
