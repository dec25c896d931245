/**
 * Rules about how an imported file was printed (labels, headings, title). Our own model always has
 * the official labels and the six sections, so `validate` cannot break these; the importer reports
 * what it saw through these functions: T2-LABEL, T3-LABEL, T2-OLDFORMAT, M-FORMAT-YEAR,
 * T3-SIX-SPLIT, N-SECTIONS and the title part of M-TITLE.
 */
import {
  formatForYear,
  gov2019,
  gov2021,
  listCells,
  perFormat,
  rowByRole,
  tableOf,
  type FormatSpec,
} from '../formats'
import {
  matchLabel,
  normalizeLabel,
  officialLabels,
  printedLabels,
  type OfficialLabels,
} from '../labels'
import { similarity } from '../narrative'
import { reportTitle, type PrintedLabel, type Report, type ReportMeta } from '../report'
import type { Finding } from './types'
import { finding, type Check } from './util'

/** A label as printed in an imported table 二 or 三 (row, column or block header). */
export type SeenLabel = PrintedLabel

/** Line breaks inside a cell are harmless (`商业\n企业`); spaces and punctuation are not. */
const unwrap = (s: string) => s.replace(/[\r\n]+/g, '').trim()

interface TableLabels {
  /** As printed in the format. */
  readonly printed: ReadonlySet<string>
  readonly officials: OfficialLabels
}

/** Every printed label of tables 二 and 三 of a format. */
const formatLabels = perFormat((format): Record<'t2' | 't3', TableLabels> => {
  const of = (key: 't2' | 't3'): TableLabels => {
    const printed = printedLabels(tableOf(format, key))
    return { printed: new Set(printed), officials: officialLabels(printed) }
  }
  return { t2: of('t2'), t3: of('t3') }
})

/** 2019 table 二 headers that 2021 dropped (not mere rewordings such as 规范性文件), normalised. */
function oldTable2Labels(): Set<string> {
  const now = [...formatLabels(gov2021).t2.officials.keys()]
  const rows = new Set(
    listCells(gov2019).flatMap((c) =>
      c.tableKey === 't2' ? [normalizeLabel(c.rowLabels.at(-1)!)] : [],
    ),
  )
  return new Set(
    [...formatLabels(gov2019).t2.officials.keys()].filter(
      (l) => !now.some((n) => n.includes(l)) && !(rows.has(l) && now.some((n) => n.endsWith(l))),
    ),
  )
}

function yearFormat(year: number): FormatSpec | undefined {
  try {
    return formatForYear(year)
  } catch {
    return undefined
  }
}

/** Findings about the labels an importer read from a file for a report of `year`. */
export function checkImportedLabels(year: number, seen: readonly SeenLabel[]): Finding[] {
  const format = yearFormat(year)
  if (!format) return []
  const official = formatLabels(format)
  const out: Finding[] = []
  const old = format === gov2021 ? oldTable2Labels() : new Set<string>()
  const oldSeen = seen.filter((l) => l.tableKey === 't2' && old.has(normalizeLabel(l.text)))
  if (oldSeen.length) {
    const names = [...new Set(oldSeen.map((l) => `“${unwrap(l.text)}”`))].join('、')
    out.push(
      finding('T2-OLDFORMAT', [], `${year}年度报告的表二使用了2019年旧格式栏目：${names}`),
      finding(
        'M-FORMAT-YEAR',
        [],
        `${year}年度报告应使用国办公开办函〔2021〕30号格式，导入的表二是〔2019〕60号试行格式`,
        { section: 'meta' },
      ),
    )
  }
  for (const label of seen) {
    const text = unwrap(label.text)
    const labels = official[label.tableKey]
    if (!text || labels.printed.has(text) || oldSeen.includes(label)) continue
    const rule = label.tableKey === 't2' ? 'T2-LABEL' : 'T3-LABEL'
    const near = matchLabel(text, labels.officials)?.official
    out.push(
      finding(
        rule,
        [],
        near
          ? `导入文件中的栏目“${text}”与标准名称“${near}”不一致，已按“${near}”识别`
          : `导入文件中的栏目“${text}”不是${format.basis}格式的栏目名称`,
      ),
    )
  }
  if (format === gov2021) out.push(...checkSixSplit(seen))
  return out
}

/** （六）其他处理 printed as one row in a ≥ 2021 report (洪泽区 2023/2024). */
function checkSixSplit(seen: readonly SeenLabel[]): Finding[] {
  const six = rowByRole(gov2021, 'otherHandling')
  if (!six) return []
  const group = six.label
  const subRows = new Set(six.cells.map((c) => c.rowLabels.at(-1)!))
  const t3 = seen.filter((l) => l.tableKey === 't3').map((l) => l.text)
  if (!t3.some((l) => normalizeLabel(l) === normalizeLabel(group))) return []
  const items = officialLabels(subRows)
  if (t3.some((l) => matchLabel(l, items))) return []
  return [
    finding(
      'T3-SIX-SPLIT',
      [],
      `表三“${group}”只有一行，2021年起应分为${[...subRows].map((r) => r.split('.')[0]).join('、')}三项；导入时全部计入该组，细分请手工补填`,
    ),
  ]
}

/** N-SECTIONS: the six headings of the format, in order, in an imported text. */
export function checkImportedHeadings(year: number, headings: readonly string[]): Finding[] {
  const format = yearFormat(year)
  if (!format) return []
  const seen = headings.map(unwrap)
  const seenNorm = seen.map(normalizeLabel)
  const out: Finding[] = []
  let last = -1
  const missing: string[] = []
  for (const spec of format.sections) {
    const numeral = spec.heading.split('、')[0]!
    let at = seenNorm.indexOf(normalizeLabel(spec.heading))
    if (at < 0) {
      // Statute wording of 四 and 五 is a known variant (format.md §2.3).
      at = seen.findIndex(
        (h, i) => seenNorm[i]!.startsWith(numeral + '、') && similarity(h, spec.heading) > 0.5,
      )
      if (at >= 0) {
        out.push(
          finding('N-SECTIONS', [], `标题“${seen[at]}”与格式标题“${spec.heading}”措辞不同`, {
            severity: 'info',
          }),
        )
      }
    }
    if (at < 0 || at < last) missing.push(spec.heading)
    else last = at
  }
  if (missing.length) {
    out.unshift(
      finding(
        'N-SECTIONS',
        [],
        `缺少或顺序不对的部分：${missing.join('、')}（年报应依次包含六个部分）`,
      ),
    )
  }
  return out
}

/** M-TITLE for a title read from a file. */
export function checkImportedTitle(
  title: string,
  meta: Pick<ReportMeta, 'agencyName' | 'year'>,
): Finding[] {
  const text = title.replace(/[\s\u3000]+/g, '')
  const expected = reportTitle(meta)
  if (text === expected) return []
  const years = [...text.matchAll(/\d{4}/g)].map((m) => Number(m[0]))
  if (years.some((y) => y !== meta.year)) {
    return [
      finding('M-TITLE', [], `标题“${text}”中的年度与报告年度 ${meta.year} 不符`, {
        section: 'meta',
      }),
    ]
  }
  const variant =
    text === `${meta.agencyName}${meta.year}年度政府信息公开工作年度报告` ||
    (text.startsWith(meta.agencyName) && /政务公开.*年报|政务公开工作年度报告/.test(text))
  return [
    finding('M-TITLE', [], `标题“${text}”与规范写法“${expected}”不一致`, {
      section: 'meta',
      ...(variant ? { severity: 'info' as const } : {}),
    }),
  ]
}

/**
 * The findings about how an imported file was printed, from the record kept with the draft:
 * labels always; the six headings for a published report; the printed title when there was one.
 */
export function importedFindings(report: Report): Finding[] {
  const record = report.imported
  if (!record) return []
  return [
    ...checkImportedLabels(report.meta.year, record.labels),
    ...(record.published && record.headings
      ? checkImportedHeadings(report.meta.year, record.headings)
      : []),
    ...(record.title ? checkImportedTitle(record.title, report.meta) : []),
  ]
}

export const checkImportRecord: Check = ({ report }) => importedFindings(report)
