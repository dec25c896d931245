/** Report information: title, statistics period, publication deadlines, signature. */
import { narrativeFacts } from '../narrative'
import { reportTitle, type Level } from '../report'
import type { Finding } from './types'
import { finding, quote, type Check } from './util'

const LOCAL_LEVELS: readonly Level[] = ['provincial', 'prefecture', 'county']

export const checkTitle: Check = ({ report }) => {
  const name = report.meta.agencyName.trim()
  if (!name) {
    return [finding('M-TITLE', [], '尚未填写机关全称，报告标题和落款都需要它', { section: 'meta' })]
  }
  if (/\d{4}\s*年|年度报告|政府信息公开工作/.test(name)) {
    return [
      finding(
        'M-TITLE',
        [],
        `机关名称“${name}”中含有年度或报告字样，标题将成为“${reportTitle(report.meta)}”；机关名称只填机关全称`,
        { section: 'meta' },
      ),
    ]
  }
  return []
}

/** The second year may be left out: "2024年1月1日至12月31日". */
const PERIOD = /(\d+)年1月1日起?[，,]?(?:至|到|—|－|-|~|～)(?:(\d+)年)?12月31日/

export const checkPeriod: Check = ({ report }) => {
  const year = String(report.meta.year)
  return narrativeFacts(report).periods.flatMap((p): Finding[] => {
    const m = PERIOD.exec(p.sentence)
    if (m && m[1] === year && (m[2] ?? year) === year) return []
    return [
      finding(
        'M-PERIOD',
        [],
        `正文${quote(p.sentence)}所写统计期限有误，应为“${year}年1月1日至${year}年12月31日”`,
        { section: p.section, sentence: p.sentence },
      ),
    ]
  })
}

const DATE = (y: number, md: string) => `${y}-${md}`
const CN_DATE = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export const checkDeadlines: Check = ({ report }) => {
  const { agencyKind, level, year, issuedOn } = report.meta
  if (agencyKind === 'township' || agencyKind === 'other' || level === 'township') {
    return [
      finding(
        'M-DEADLINE-LOCAL',
        [],
        `条例未规定乡镇、街道等机关的年报公布时限，请对照本地通知的时限${issuedOn ? `（本报告成文日期 ${CN_DATE(issuedOn)}）` : ''}`,
        { section: 'meta' },
      ),
    ]
  }
  if (!issuedOn) return []
  const rule =
    agencyKind === 'department'
      ? ({
          id: 'M-DEADLINE-DEPT',
          deadline: DATE(year + 1, '01-31'),
          who: '县级以上人民政府部门',
        } as const)
      : agencyKind === 'government' && LOCAL_LEVELS.includes(level)
        ? ({
            id: 'M-DEADLINE-GOV',
            deadline: DATE(year + 1, '03-31'),
            who: '县级以上地方人民政府',
          } as const)
        : undefined
  if (!rule || issuedOn <= rule.deadline) return []
  if (report.meta.levelUnconfirmed) {
    return [
      finding(
        rule.id,
        [],
        `请先确认机关层级：${rule.who}的${year}年度报告应于${CN_DATE(rule.deadline)}前公布，成文日期 ${CN_DATE(issuedOn)}`,
        { section: 'meta', severity: 'info' },
      ),
    ]
  }
  return [
    finding(
      rule.id,
      [],
      `${rule.who}的${year}年度报告应于${CN_DATE(rule.deadline)}前公布，成文日期 ${CN_DATE(issuedOn)} 已超过时限`,
      { section: 'meta' },
    ),
  ]
}

export const checkSignature: Check = ({ report }) =>
  report.meta.issuedOn
    ? []
    : [
        finding('M-SIGN', [], '尚未填写成文日期；年报末尾应署发布机关名称和成文日期', {
          section: 'meta',
        }),
      ]
