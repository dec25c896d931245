/**
 * What the narrative states in numbers: applications received / answered / carried over, outcome
 * counts, 复议 and 诉讼 counts and "均获维持", fees, documents issued. Heuristic on purpose: a
 * statement is only read when its wording is unambiguous, and every statement keeps the sentence
 * it was read from so a finding can quote it.
 */
import { cellId, columnLeaves, perFormat, rowLeaves, tableOf, type NarrativeKey } from '../formats'
import { formatOf, type Report } from '../report'
import { lru } from './cache'
import { toHalfWidth } from '../text'
import { countsIn, NUMBER, readNumber, splitSentences, type Sentence } from './text'

export interface Statement<K extends string = string> {
  readonly kind: K
  readonly value: number
  readonly sentence: string
  readonly section: NarrativeKey
}

export interface Quote {
  readonly sentence: string
  readonly section: NarrativeKey
}

export type AppKind = 'received' | 'carriedIn' | 'carriedOver' | 'answered' | 'handled'
export type DisputeKind = 'review' | 'litigation'
export type DocVerb = 'issued' | 'repealed' | 'inForce'

export interface NarrativeFacts {
  readonly apps: readonly Statement<AppKind>[]
  /** "申请均已办结"-type sentences. */
  readonly allAnswered: readonly Quote[]
  /** Outcome counts by the outcome's name (`予以公开`, … or `予以公开+部分公开`). */
  readonly outcomes: readonly Statement[]
  /** Sentences that put 本机关不掌握 under 不予公开. */
  readonly notHeldAsWithheld: readonly Quote[]
  readonly disputes: readonly Statement<DisputeKind>[]
  readonly allUpheld: readonly (Quote & { scope: DisputeKind | 'all' })[]
  /** 信息处理费 collected, in 元 (0 for "未收取"). */
  readonly fees: readonly Statement<'fee'>[]
  /** Sentences saying no fee notice / no 信息处理费 was involved at all. */
  readonly noFeeInvolvement: readonly Quote[]
  /** 行政事业性收费 amounts with the unit written. */
  readonly adminFees: readonly Statement<'元' | '万元'>[]
  /** Counts of 规章 / 规范性文件 issued, repealed, in force. */
  readonly docs: readonly (Statement<DocVerb> & { docType: '规章' | '规范性文件' })[]
  /** Sentences that state a statistics period (contain 1月1日 and 12月31日). */
  readonly periods: readonly Quote[]
}

const SECTIONS: readonly NarrativeKey[] = ['overview', 'problems', 'other']

/** Comparisons with other years or parts of a whole: not the figure itself. */
const CHANGE = /同比|较上年|较去年|比上年|增长|减少|下降|上升|增加|环比/
/** Applicants, channels and outcome categories: a part of a total, never the total. */
const SUB_COUNT =
  /其中|自然人|企业|法人|组织|机构|(?<!依申请|信息)公开(?!申请)|不予|无法提供|不掌握|不存在|其他处理|不属于|重复申请|告知|转(?!入下)|撤回|网上|当面|信函|传真|邮件|电话|延期/
/** "在办结的申请中，", "办理结果为": what follows lists outcome categories, not totals. */
const CATEGORY_LIST =
  /(办结|答复|办理|处理)(完毕)?的?(申请|件|案件)?(中|里)|结果(为|是|如下|分别)|分别(为|是)|包括/
/** Counts of other business that share the verbs (人大建议办结, 信访受理, 复议申请). */
const OTHER_BUSINESS =
  /建议|提案|信访|投诉|热线|咨询|留言|来电|来信|来访|诉求|12345|复议|诉讼|起诉|备案|文件|事项|信件/
const RECEIVED = /收到|受理|新收|接收|接到|收悉/

/**
 * The kind of an application count, read from the words just before its number. `context`: the
 * sentence does not name 申请 but the one before did; then only 新收 / 办结 are read.
 */
function appKind(
  before: string,
  aboutApplications: boolean,
  inList: boolean,
  context = false,
): AppKind | undefined {
  if (CHANGE.test(before)) return undefined
  if (
    /上一?年度?结转|结转自上一?年|上一?年度?遗留|上年度未办结|(自|从)[^，]{0,10}结转|\d{4}年度?结转/.test(
      before,
    )
  )
    return 'carriedIn'
  if (
    /结转(至|到)?下一?年|转入下一?年|结转(至|到)?\d{4}年|结转下年度|尚未办结|正在办理|(^|[^上])结转(办理)?$/.test(
      before,
    )
  )
    return 'carriedOver'
  if (inList || SUB_COUNT.test(before) || OTHER_BUSINESS.test(before) || !aboutApplications)
    return undefined
  if (context && !/新收|办结/.test(before)) return undefined
  if (RECEIVED.test(before)) return 'received'
  if (/办结|答复|办理完毕|处理完毕/.test(before)) return 'answered'
  if (/办理|处理/.test(before)) return 'handled'
  return undefined
}

/** "没有收到依申请公开", "无依申请公开信息" — but not "没有因依申请公开被复议纠错的情况". */
const NO_APPLICATIONS =
  /(未|没有|无)(收到|受理|接到|发生)?[^，]{0,8}(依申请公开|政府信息公开申请|公开申请)/
const CONSEQUENCE = /纠错|败诉|被(依法)?(撤销|纠正|确认违法)|而被|被申请|被提起|被起诉|复议|诉讼/
const ALL_ANSWERED =
  /(均已|已全部|全部|均)(按时|按期|依法)?(办结|办理完毕|答复完毕)|(均已|已全部)(按时|按期|依法)?(予以)?答复/

/**
 * `context`: whether the sentence before spoke of applications, so that "本年新收12件，已办结10件"
 * after it is read too.
 */
function readApps(
  s: Sentence,
  section: NarrativeKey,
  facts: Mutable<NarrativeFacts>,
  context: boolean,
) {
  const named = /申请/.test(s.text)
  const aboutApplications = named || context
  const list = CATEGORY_LIST.exec(s.text)
  let offset = 0
  for (const clause of s.clauses) {
    const start = s.text.indexOf(clause, offset)
    offset = start + clause.length
    for (const m of countsIn(clause)) {
      const inList = list !== null && start + m.index > list.index
      const kind = appKind(m.before, aboutApplications, inList, !named)
      if (kind) facts.apps.push({ kind, value: m.value, sentence: s.text, section })
    }
  }
  const none = s.clauses.find((c) => NO_APPLICATIONS.test(c))
  if (none && !/件/.test(s.text) && !CONSEQUENCE.test(none)) {
    facts.apps.push({ kind: 'received', value: 0, sentence: s.text, section })
  }
  if (/申请/.test(s.text) && ALL_ANSWERED.test(s.text)) {
    facts.allAnswered.push({ sentence: s.text, section })
  }
}

const FILLER = '(?:的|类|申请|政府信息|信息|共|为|有|合计|计)*'

/** Compiled once per format: "予以公开及部分公开N件", then "NAME…N件" for each outcome group. */
interface OutcomePatterns {
  readonly both?: { readonly kind: string; readonly re: RegExp; readonly including: RegExp }
  readonly each: readonly { readonly name: string; readonly re: RegExp }[]
}

function compileOutcomes(names: readonly string[]): OutcomePatterns {
  const [first, second] = names
  return {
    ...(first && second
      ? {
          both: {
            kind: `${first}+${second}`,
            re: new RegExp(`${first}(?:及|和|与|、|或)${second}${FILLER}${NUMBER}件`),
            // "予以公开85件（含部分公开10件）": 85 is the two together.
            including: new RegExp(
              `${first}${FILLER}${NUMBER}件[（(](?:含|包括|其中)${second}${NUMBER}件[）)]`,
            ),
          },
        }
      : {}),
    each: names.map((name) => ({
      name,
      re: new RegExp(`(?<!不)${name}${FILLER}${NUMBER}件`, 'g'),
    })),
  }
}

function readOutcomes(
  s: Sentence,
  section: NarrativeKey,
  patterns: OutcomePatterns,
  facts: Mutable<NarrativeFacts>,
) {
  let text = s.text
  // "予以公开及部分公开258件" states the two together (Shanghai 2019): read it first and mask it.
  const m = patterns.both?.re.exec(text) ?? patterns.both?.including.exec(text)
  const value = m ? readNumber(m[1]!) : null
  if (m && value !== null) {
    facts.outcomes.push({ kind: patterns.both!.kind, value, sentence: s.text, section })
    text = text.replace(m[0], '')
  }
  for (const { name, re } of patterns.each) {
    for (const hit of text.matchAll(re)) {
      const count = readNumber(hit[1]!)
      if (count !== null)
        facts.outcomes.push({ kind: name, value: count, sentence: s.text, section })
    }
  }
  if (/不予公开/.test(s.text) && /不掌握/.test(s.text) && !/无法提供/.test(s.text)) {
    facts.notHeldAsWithheld.push({ sentence: s.text, section })
  }
}

const DISPUTE_COUNTS = [
  ['review', new RegExp(`行政复议(?:案件|申请)?(?:共|为|有|合计)?${NUMBER}(?:件|起|宗)`, 'g')],
  ['litigation', new RegExp(`行政诉讼(?:案件)?(?:共|为|有|合计)?${NUMBER}(?:件|起|宗)`, 'g')],
] as const
const DISPUTE_NONE = [
  ['review', '行政复议', /行政复议[^，]*\d/],
  ['litigation', '行政诉讼', /行政诉讼[^，]*\d/],
] as const

const LOST_CASE = /纠错|败诉|纠正|撤销|确认违法|不利|被改变/

function readDisputes(s: Sentence, section: NarrativeKey, facts: Mutable<NarrativeFacts>) {
  const t = s.text
  for (const [kind, re] of DISPUTE_COUNTS) {
    for (const m of t.matchAll(re)) {
      const value = readNumber(m[1]!)
      if (value !== null) facts.disputes.push({ kind, value, sentence: t, section })
    }
  }
  // "未发生行政复议、行政诉讼的情况", "无因政府信息公开被申请行政复议…的情况"
  for (const none of t.matchAll(/(?:未|没有|无)(?:发生|出现|收到)?[^，]{0,20}/g)) {
    // "没有出现因…被复议纠错、诉讼败诉的情况" says nothing was lost, not that nothing was filed.
    if (LOST_CASE.test(none[0])) continue
    for (const [kind, word, withNumber] of DISPUTE_NONE) {
      if (none[0].includes(word) && !withNumber.test(t)) {
        facts.disputes.push({ kind, value: 0, sentence: t, section })
      }
    }
  }
  if (/(均|全部|都)(获|被|予以|已)?维持/.test(t)) {
    const review = /复议/.test(t)
    const litigation = /诉讼|起诉/.test(t)
    const scope = review && !litigation ? 'review' : litigation && !review ? 'litigation' : 'all'
    facts.allUpheld.push({ sentence: t, section, scope })
  }
}

const FEE_AMOUNT = new RegExp(`处理费[^。]*?${NUMBER}(万)?元`)
const COLLECTED_AMOUNT = new RegExp(`实际收取(?:金额|费用)?(?:为|共|合计)?${NUMBER}(万)?元`)
const ADMIN_FEE_AMOUNT = new RegExp(`行政事业性收费[^。]*?${NUMBER}(万)?元`)
/** "未收取", "没有产生…", "无…收取…情况", "不存在收费", "0元", "零元", "免费". */
const FEE_ZERO =
  /(未|没有|无|不)[^，]{0,16}(收取|产生|发生|收费|涉及|存在)|免费|零元|零收费|(?<![\d.])0(\.0+)?(万)?元/
/** A fee statement that does not name 处理费 but is plainly about this work's fees. */
const FEE_WORD = /费用|收费|费$|费[^，]{0,4}(情况)?$/
/** "（三）信息处理费收取情况", "四、收费情况": a heading whose answer is the next sentence. */
const isFeeHeading = (t: string) =>
  /^[（(]?[一二三四五六七八九十\d]*[)）、.．]?[^，]{0,10}(处理费|收费|费用)[^，]{0,8}$/.test(t) &&
  !FEE_ZERO.test(t) &&
  !/\d/.test(t.replace(/^[（(]?\d+[)）、.．]/, ''))

/**
 * `feeContext`: the sentence before was a fee heading, so a bare "无" or "本年度未收取" answers it.
 */
function readFees(
  s: Sentence,
  section: NarrativeKey,
  facts: Mutable<NarrativeFacts>,
  feeContext: boolean,
) {
  const t = s.text
  const aboutFees =
    /处理费/.test(t) ||
    (/申请|公开/.test(t) && /费/.test(t)) ||
    (section === 'other' && (FEE_WORD.test(t) || /实际收取/.test(t))) ||
    feeContext
  if (aboutFees && !/行政事业性收费/.test(t) && !isFeeHeading(t)) {
    const amount = FEE_AMOUNT.exec(t) ?? COLLECTED_AMOUNT.exec(t)
    const value = amount ? readNumber(amount[1]!) : null
    if (value !== null && value > 0) {
      facts.fees.push({
        kind: 'fee',
        value: amount![2] ? value * 10000 : value,
        sentence: t,
        section,
      })
    } else if (FEE_ZERO.test(t) || (feeContext && /^(无|没有|暂无|未收取|不涉及)$/.test(t))) {
      facts.fees.push({ kind: 'fee', value: 0, sentence: t, section })
    }
  }
  if (/(未|没有|无)(发出|下达|出具|制发)?收费通知|(不|未|没有)涉及(信息处理费|收费)/.test(t)) {
    facts.noFeeInvolvement.push({ sentence: t, section })
  }
  const admin = ADMIN_FEE_AMOUNT.exec(t)
  const adminValue = admin ? readNumber(admin[1]!) : null
  if (admin && adminValue !== null) {
    facts.adminFees.push({
      kind: admin[2] ? '万元' : '元',
      value: adminValue,
      sentence: t,
      section,
    })
  }
}

/**
 * A small fee table typed into section 六: a header line naming 实际收取金额 (with 通知收取件数 /
 * 通知收取金额) and a line of figures below it. The figure under 实际收取 is the fee collected.
 */
function readFeeTable(text: string, section: NarrativeKey, facts: Mutable<NarrativeFacts>) {
  const lines = text.split(/\r?\n/)
  const at = lines.findIndex((l) => /实际收取/.test(l))
  if (at < 0) return
  const cellsOf = (line: string) =>
    line
      .trim()
      .split(/[\s|｜]+/)
      .filter(Boolean)
  const header = cellsOf(lines[at]!)
  const column = header.findIndex((h) => /实际收取/.test(h))
  const row = lines.slice(at + 1).find((l) => /\d/.test(l))
  if (!row || header.length < 2) return
  const figures = cellsOf(row)
  const written = figures[figures.length === header.length ? column : figures.length - 1]
  const match = written ? new RegExp(`^${NUMBER}(万)?元?$`).exec(toHalfWidth(written)) : null
  const value = match ? readNumber(match[1]!) : null
  if (value === null) return
  const tenThousand = Boolean(match![2]) || /万元/.test(header[column] ?? '')
  facts.fees.push({
    kind: 'fee',
    value: tenThousand ? value * 10000 : value,
    sentence: `${lines[at]!.trim()} ${row.trim()}`,
    section,
  })
}

function docVerb(before: string): DocVerb | undefined {
  if (CHANGE.test(before) || /清理|审查|备案/.test(before)) return undefined
  if (/现行有效/.test(before)) return 'inForce'
  if (/废止|失效/.test(before)) return 'repealed'
  if (/制发|出台|印发|制定|发布|新制作/.test(before)) return 'issued'
  return undefined
}

function readDocs(s: Sentence, section: NarrativeKey, facts: Mutable<NarrativeFacts>) {
  const t = s.text
  if (!/规章|规范性文件/.test(t)) return
  let offset = 0
  for (const clause of s.clauses) {
    const start = t.indexOf(clause, offset)
    offset = start + clause.length
    for (const m of countsIn(clause)) {
      const verb = docVerb(m.before) ?? docVerb(clause.slice(0, m.index))
      if (!verb) continue
      // The document type named last before the number, anywhere earlier in the sentence.
      const upTo = t.slice(0, start + m.index).replace(/规章制度/g, '')
      const reg = upTo.lastIndexOf('规章')
      const norm = upTo.lastIndexOf('规范性文件')
      if (reg < 0 && norm < 0) continue
      const docType = reg > norm ? '规章' : '规范性文件'
      facts.docs.push({ kind: verb, docType, value: m.value, sentence: t, section })
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] }

const emptyFacts = (): Mutable<NarrativeFacts> => ({
  apps: [],
  allAnswered: [],
  outcomes: [],
  notHeldAsWithheld: [],
  disputes: [],
  allUpheld: [],
  fees: [],
  noFeeInvolvement: [],
  adminFees: [],
  docs: [],
  periods: [],
})

function analyseSection(
  section: NarrativeKey,
  text: string,
  patterns: OutcomePatterns,
): NarrativeFacts {
  const facts = emptyFacts()
  let previous: Sentence | undefined
  for (const s of splitSentences(text)) {
    readApps(s, section, facts, Boolean(previous && /申请/.test(previous.text)))
    readOutcomes(s, section, patterns, facts)
    readDisputes(s, section, facts)
    readFees(s, section, facts, Boolean(previous && isFeeHeading(previous.text)))
    readDocs(s, section, facts)
    // A period: the two dates close together (not "1月1日起施行，有效期至…12月31日").
    if (/1月1日[^。，]{0,3}(?:，)?[^。，]{0,8}12月31日/.test(s.text)) {
      facts.periods.push({ sentence: s.text, section })
    }
    previous = s
  }
  if (!facts.fees.length) readFeeTable(text, section, facts)
  return facts
}

function merge(parts: readonly NarrativeFacts[]): NarrativeFacts {
  const out = emptyFacts()
  for (const part of parts) {
    for (const key of Object.keys(out) as (keyof NarrativeFacts)[]) {
      ;(out[key] as unknown[]).push(...part[key])
    }
  }
  return out
}

/** An outcome group of table 三 (`不予公开` = （三）1–8) and the 总计-column cells it adds up. */
export interface OutcomeGroup {
  readonly name: string
  readonly totalCells: readonly string[]
}

/** The outcome groups of table 三, named as the text names them (`（二）部分公开（…）` → `部分公开`). */
export const outcomeGroups = perFormat((format): readonly OutcomeGroup[] => {
  const groups = new Map<string, string[]>()
  for (const block of tableOf(format, 't3').blocks) {
    const total = columnLeaves(block.columns).find((c) => c.leaf.sumOf)
    if (!total) continue
    for (const row of rowLeaves(block.rows)) {
      if (row.labels.length < 2 || row.leaf.sumOf) continue
      const name = row.labels[1]!.replace(/^（[一二三四五六七八九十]+）/, '').replace(/（.*）$/, '')
      groups.set(name, [...(groups.get(name) ?? []), cellId('t3', row.keys, total.keys)])
    }
  }
  return [...groups].map(([name, totalCells]) => ({ name, totalCells }))
})

const outcomePatterns = perFormat((format): OutcomePatterns =>
  compileOutcomes(outcomeGroups(format).map((g) => g.name)),
)
const sectionCache = lru<NarrativeFacts>(24)
const reportCache = lru<NarrativeFacts>(8)

/** What the three narrative sections state in numbers (cached by their text, section by section). */
export function narrativeFacts(report: Report): NarrativeFacts {
  const format = formatOf(report)
  const { narrative } = report
  const texts = SECTIONS.map((section) => narrative[section] ?? '')
  return reportCache([format.id, ...texts].join('\u0000'), () => {
    const compiled = outcomePatterns(format)
    return merge(
      SECTIONS.map((section, i) =>
        sectionCache([format.id, section, texts[i]].join('\u0000'), () =>
          analyseSection(section, texts[i]!, compiled),
        ),
      ),
    )
  })
}
