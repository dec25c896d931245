/**
 * Numbers stated in the narrative against the tables: applications (N-APPS), outcomes
 * (N-OUTCOME-CLASS), documents (N-REG-DOCS), 复议/诉讼 (N-LITIG), fees (N-FEE-MULT).
 * Each finding quotes the sentence that was read.
 */
import { narrativeFacts, outcomeGroups, type AppKind, type Statement } from '../narrative'
import type { Finding } from './types'
import { disputeTotals } from './table4'
import { finding, knownSum, num, quote, valueOf, type Check } from './util'

/** Keeps one of each (kind, value, sentence): a sentence may be read twice by two patterns. */
function unique<S extends Statement>(list: readonly S[]): S[] {
  const seen = new Set<string>()
  return list.filter((s) => {
    const key = `${s.kind}\u0000${s.value}\u0000${s.sentence}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
}

const APP_WORDS: Readonly<Record<AppKind, string>> = {
  received: '收到申请',
  carriedIn: '上年结转',
  carriedOver: '结转下年度',
  answered: '办结',
  handled: '办理',
}

export const checkApplications: Check = ({ report, plan }) => {
  const col = plan.carry.find((c) => c.isTotal)
  if (!col) return []
  const target: Record<AppKind, string> = {
    received: col.newReceived,
    carriedIn: col.carriedIn,
    carriedOver: col.carriedOver,
    answered: col.resultTotal,
    handled: col.resultTotal,
  }
  const available = knownSum(report, [col.newReceived, col.carriedIn])
  return unique(narrativeFacts(report).apps).flatMap((s): Finding[] => {
    const id = target[s.kind]
    const table = valueOf(report, id)
    if (table === null || table === s.value) return []
    // "办理…件" and "共受理…件" may count everything on the desk this year: 一 + 二 (rules.md N-APPS).
    if ((s.kind === 'handled' || s.kind === 'received') && available === s.value) return []
    const row = plan.byId.get(id)!.rowLabels.at(-1)
    return [
      finding(
        'N-APPS',
        [id],
        `正文${quote(s.sentence)}称${APP_WORDS[s.kind]} ${num(s.value)} 件，表三“${row}”总计为 ${num(table)} 件，相差 ${num(Math.abs(table - s.value))}`,
        { section: s.section, sentence: s.sentence },
      ),
    ]
  })
}

export const checkOutcomeClasses: Check = ({ report, plan, format }) => {
  const facts = narrativeFacts(report)
  const groups = outcomeGroups(format)
  const out: Finding[] = []
  const notHeld = plan.t3Total('unable.notHeld')
  const wrong = facts.notHeldAsWithheld[0]
  if (wrong && plan.byId.has(notHeld)) {
    out.push(
      finding(
        'N-OUTCOME-CLASS',
        [notHeld],
        `正文${quote(wrong.sentence)}把“本机关不掌握相关政府信息”归入不予公开；按表三，它属于“（四）无法提供”`,
        { section: wrong.section, sentence: wrong.sentence },
      ),
    )
  }
  for (const s of unique(facts.outcomes)) {
    const cells = s.kind
      .split('+')
      .flatMap((name) => groups.find((g) => g.name === name)?.totalCells ?? [])
    const table = cells.length ? knownSum(report, cells) : null
    if (table === null || table === s.value) continue
    out.push(
      finding(
        'N-OUTCOME-CLASS',
        cells,
        `正文${quote(s.sentence)}称${s.kind.replace('+', '及')} ${num(s.value)} 件，表三相应总计为 ${num(table)} 件，相差 ${num(Math.abs(table - s.value))}`,
        { section: s.section, sentence: s.sentence },
      ),
    )
  }
  return out
}

const VERB_COLUMN = { issued: /制发|制作/, repealed: /废止/, inForce: /现行有效/ } as const

export const checkDocumentCounts: Check = ({ report, plan }) =>
  unique(narrativeFacts(report).docs).flatMap((s): Finding[] => {
    const cell = plan.byTable.t2.find(
      (c) =>
        c.kind === 'count' &&
        (c.rowLabels.at(-1) === s.docType || c.rowLabels.at(-1)!.endsWith(s.docType)) &&
        VERB_COLUMN[s.kind].test(c.columnLabels.at(-1)!),
    )
    const table = cell ? valueOf(report, cell.id) : null
    if (!cell || table === null || table === s.value) return []
    return [
      finding(
        'N-REG-DOCS',
        [cell.id],
        `正文${quote(s.sentence)}称${cell.rowLabels.at(-1)} ${num(s.value)} 件，表二“${cell.rowLabels.at(-1)} · ${cell.columnLabels.at(-1)}”为 ${num(table)} 件，相差 ${num(Math.abs(table - s.value))}`,
        { section: s.section, sentence: s.sentence },
      ),
    ]
  })

export const checkLitigation: Check = ({ report, plan }) => {
  const totals = disputeTotals(plan)
  if (!totals) return []
  const facts = narrativeFacts(report)
  const groups = {
    review: [totals.review],
    litigation: [totals.direct, totals.after],
  }
  // 行政复议 / 行政诉讼: the printed column groups of table 四 the totals stand under.
  const names = { review: totals.review.lineLabels[0], litigation: totals.direct.lineLabels[0] }
  const out: Finding[] = []
  for (const s of unique(facts.disputes)) {
    const cells = groups[s.kind].map((c) => c.total)
    const table = knownSum(report, cells)
    if (table === null || table === s.value) continue
    out.push(
      finding(
        'N-LITIG',
        cells,
        `正文${quote(s.sentence)}称${names[s.kind]} ${num(s.value)} 件，表四相应总计为 ${num(table)} 件，相差 ${num(Math.abs(table - s.value))}`,
        { section: s.section, sentence: s.sentence },
      ),
    )
  }
  for (const s of facts.allUpheld) {
    const scope = s.scope === 'all' ? [...groups.review, ...groups.litigation] : groups[s.scope]
    const notUpheld = scope
      .flatMap((c) => c.parts.filter((id) => !id.endsWith('.upheld')))
      .filter((id) => (valueOf(report, id) ?? 0) > 0)
    if (!notUpheld.length) continue
    const listed = notUpheld.map(
      (id) => `${plan.byId.get(id)!.name.replace(/^表四 /, '')} ${num(valueOf(report, id)!)}`,
    )
    out.push(
      finding(
        'N-LITIG',
        notUpheld,
        `正文${quote(s.sentence)}称均获维持，但表四显示：${listed.join('、')}`,
        { section: s.section, sentence: s.sentence },
      ),
    )
  }
  return out
}

export const checkFeeMultiple: Check = ({ report }) =>
  unique(narrativeFacts(report).fees).flatMap((s): Finding[] =>
    s.value > 0 && Math.round(s.value * 100) % 1000 !== 0
      ? [
          finding(
            'N-FEE-MULT',
            [],
            `正文${quote(s.sentence)}称收取信息处理费 ${num(s.value)} 元，不是10元的整数倍；按办法的收费标准，合计应为10元的整数倍`,
            { section: s.section, sentence: s.sentence },
          ),
        ]
      : [],
  )
