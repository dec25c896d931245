/**
 * Which of the topics the format asks for each narrative section does the text cover? One logic
 * for the editor's live checklist and for the rules N-OVERALL-5, N-GOV-ASSESS, N-FEE, N-GOV-EXTRA
 * and N-PREV-ISSUES.
 */
import { GUIDANCE, type NarrativeKey, type NarrativeSectionSpec } from '../formats'
import { formatOf, NARRATIVE_KEYS, type Report, type ReportMeta } from '../report'
import { lru } from './cache'
import { narrativeFacts } from './facts'
import { splitSentences } from './text'

/** 条例第五十条第（四）项: what every 人民政府 reports in addition (format note （一）监督保障). */
export const GOV_ASSESS_TOPIC = '工作考核、社会评议和责任追究结果情况'
/** Section 六 items for 人民政府 (format （六）, practice: 文登区 2022). */
export const GOV_EXTRA_TOPICS = [
  '人大代表建议和政协提案办理结果公开',
  '年度政务公开工作要点落实',
  '政务公开创新情况',
] as const
export const FEE_TOPIC = GUIDANCE.fee
export const PREV_ISSUES_TOPIC = GUIDANCE.previousIssues

/**
 * The three subjects of 条例第五十条第（四）项 and the usual wordings of each, searched in the whole
 * narrative (rules.md N-GOV-ASSESS).
 */
export const GOV_ASSESS_SUBJECTS = [
  { subject: '工作考核', re: /考核|考评/ },
  { subject: '社会评议', re: /评议|满意度|测评|社会评价|群众评价|公众评价/ },
  { subject: '责任追究', re: /追究|问责/ },
] as const

const wholeNarrative = (report: Report) =>
  NARRATIVE_KEYS.map((key) => report.narrative[key] ?? '').join('\n')

/** The subjects of 工作考核、社会评议和责任追究 of which the whole narrative says nothing. */
export const missingAssessmentSubjects = (report: Report): string[] => {
  const text = wholeNarrative(report)
  return GOV_ASSESS_SUBJECTS.filter((s) => !s.re.test(text)).map((s) => s.subject)
}

type Matcher = (text: string, report: Report) => boolean
const any =
  (re: RegExp): Matcher =>
  (text) =>
    re.test(text)
const all =
  (...res: RegExp[]): Matcher =>
  (text) =>
    res.every((re) => re.test(text))

/** Topic → how to recognise it. Keys are the guidance strings of the format data. */
const MATCHERS: Readonly<Record<string, Matcher>> = {
  主动公开: any(/主动公开/),
  依申请公开: any(/依申请|政府信息公开申请|公开申请/),
  // 公开属性认定, 发布前审核, 保密审查, 目录管理 are what 政府信息管理 consists of.
  政府信息管理: any(
    /信息管理|公开属性|保密审查|源头认定|发布审查|审核|谁审核|保密|国家秘密|个人隐私|公开目录|文件清理|文件库|规范性文件[^。]{0,6}(管理|清理)/,
  ),
  政府信息公开平台建设: any(/平台|网站|专栏|政务新媒体|公众号|微博|公开栏|查阅点/),
  监督保障: any(/监督保障|监督检查|考核|评议|培训|责任追究|问责|督查|督促/),
  [GOV_ASSESS_TOPIC]: (_text, report) => missingAssessmentSubjects(report).length === 0,
  存在的主要问题: any(/问题|不足|差距|短板|薄弱|欠缺/),
  [PREV_ISSUES_TOPIC]: (text) =>
    splitSentences(text).some(
      (s) =>
        /上一?年度?|去年|前一年/.test(s.text) && /整改|改进|改正|解决|落实|完善|提升/.test(s.text),
    ),
  下一步改进措施: any(/下一步|今后|下阶段|下一年|明年|将进一步|计划/),
  [FEE_TOPIC]: (_text, report) => narrativeFacts(report).fees.some((f) => f.section === 'other'),
  [GOV_EXTRA_TOPICS[0]]: all(/建议/, /提案/),
  [GOV_EXTRA_TOPICS[1]]: any(/要点/),
  [GOV_EXTRA_TOPICS[2]]: any(/创新/),
}

/** 人民政府 of any level (a 乡镇人民政府 is one; a 街道办事处 is not). */
export const isPeoplesGovernment = (meta: Pick<ReportMeta, 'agencyKind' | 'agencyName'>) =>
  meta.agencyKind === 'government' ||
  (meta.agencyKind === 'township' && meta.agencyName.includes('人民政府'))

/** A township has a 人大 but no 政协: it is not asked for 人大代表建议和政协提案. */
const isTownship = (meta: Pick<ReportMeta, 'agencyKind' | 'level'>) =>
  meta.agencyKind === 'township' || meta.level === 'township'

export interface TopicCoverage {
  readonly topic: string
  readonly covered: boolean
}

export interface SectionCoverage {
  readonly section: NarrativeKey
  readonly heading: string
  readonly topics: readonly TopicCoverage[]
}

function topicsOf(spec: NarrativeSectionSpec, meta: ReportMeta): readonly string[] {
  if (!isPeoplesGovernment(meta)) return spec.guidance
  if (spec.key === 'overview') return [...spec.guidance, GOV_ASSESS_TOPIC]
  if (spec.key === 'other') {
    const extras = isTownship(meta) ? GOV_EXTRA_TOPICS.slice(1) : GOV_EXTRA_TOPICS
    return [...spec.guidance, ...extras]
  }
  return spec.guidance
}

// Several rules ask in one validation run, and the editor on every keystroke.
const reportCache = lru<SectionCoverage[]>(8)
const sectionCache = lru<SectionCoverage>(24)

/** Per narrative section, the topics it should cover and whether the text covers each. */
export function narrativeCoverage(report: Report): SectionCoverage[] {
  const government = isPeoplesGovernment(report.meta)
  const township = isTownship(report.meta)
  const sections = formatOf(report).sections.flatMap((s) => (s.kind === 'narrative' ? [s] : []))
  const texts = sections.map((spec) => report.narrative[spec.key] ?? '')
  // Section 一's 人民政府 topic reads the whole narrative: its key holds every text.
  const keyText = (i: number) =>
    government && sections[i]!.key === 'overview' ? texts.join('\u0000') : texts[i]
  return reportCache([report.formatId, government, township, ...texts].join('\u0000'), () =>
    sections.map((spec, i) =>
      sectionCache(
        [report.formatId, government, township, spec.key, keyText(i)].join('\u0000'),
        () => ({
          section: spec.key,
          heading: spec.heading,
          topics: topicsOf(spec, report.meta).map((topic) => ({
            topic,
            covered: Boolean(texts[i]!.trim()) && (MATCHERS[topic]?.(texts[i]!, report) ?? false),
          })),
        }),
      ),
    ),
  )
}

/** The topics of one section that the text does not cover. */
export const missingTopics = (report: Report, section: NarrativeKey): string[] =>
  narrativeCoverage(report)
    .find((c) => c.section === section)
    ?.topics.filter((t) => !t.covered)
    .map((t) => t.topic) ?? []
