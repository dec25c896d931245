/**
 * A report laid out as a document — a Word file or a published web page — read into an import
 * result: the tables through the same label locator as spreadsheets, the narrative split into
 * its sections by their headings, the title into 机关名称 and 年度, the closing date line into
 * 成文日期. Readers of the file formats (src/io/document) only turn bytes into these blocks.
 */
import { formats, sectionHeading, type FormatSpec, type SectionKey } from '../formats'
import type { Narrative } from '../report'
import type { Grid } from './grid'
import { matchSectionHeading } from './headings'
import { importGrids, parseReportTitle, type ImportOutcome } from './importGrids'

export type DocumentBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly grid: Grid }

/** Where the document came from, for messages: `Word 文档`, `网页`. */
export type DocumentKind = 'Word 文档' | '网页'

export const notAReportDocument = (kind: DocumentKind) =>
  `没有在${kind}中找到年度报告的表格（表二、表三、表四的行列标题），请确认它是政府信息公开工作年度报告。`

/** The hint text blank templates print under each heading, e.g. `（文字描述）`. */
const TEMPLATE_PLACEHOLDER = /^（文字描述[^）]*）$/u

const CHINESE_DIGITS = '〇一二三四五六七八九'
/** `2026`, `二〇二六`, `20`, `二十` → number. */
function numeral(text: string): number {
  if (/^\d+$/.test(text)) return Number(text)
  const digits = text.replace(/[零○Ｏ]/g, '〇')
  if (!digits.includes('十'))
    return Number([...digits].map((c) => CHINESE_DIGITS.indexOf(c)).join(''))
  const [tens, ones] = digits.split('十') as [string, string]
  return (tens ? CHINESE_DIGITS.indexOf(tens) : 1) * 10 + (ones ? CHINESE_DIGITS.indexOf(ones) : 0)
}

const DATE_LINE =
  /^(\d{4}|[〇零○Ｏ一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/u

/** `2026年1月20日` or `二〇二六年一月二十日` as printed under a report → `2026-01-20`. */
export function parseDateLine(text: string): string | undefined {
  const m = DATE_LINE.exec(text.replace(/[\s\u3000]+/g, ''))
  if (!m) return undefined
  const [year, month, day] = [numeral(m[1]!), numeral(m[2]!), numeral(m[3]!)]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** A signature line: short, no sentence punctuation (the agency's name above the date). */
const isSignatureLine = (text: string) => text.length <= 40 && !/[。，；：、！？]/u.test(text)

/** The title printed at the top, on one line or broken after the agency's name. */
function findTitle(lines: readonly string[]) {
  for (let i = 0; i < lines.length; i++) {
    const title = parseReportTitle(lines[i]!)
    if (!title) continue
    if (title.agencyName || i === 0) return { title, end: i + 1 }
    // `2025年政府信息公开工作年度报告` with the agency's name on the line above.
    return { title: { ...title, agencyName: lines[i - 1]! }, end: i + 1 }
  }
  return undefined
}

interface Split {
  readonly narrative: Partial<Record<SectionKey, string[]>>
  readonly seen: SectionKey[]
  readonly before: string[]
}

/** Paragraphs under each heading, up to the next heading or table. */
function splitSections(blocks: readonly DocumentBlock[], format: FormatSpec): Split {
  const narrative: Partial<Record<SectionKey, string[]>> = {}
  const seen: SectionKey[] = []
  const before: string[] = []
  let current: SectionKey | undefined
  for (const block of blocks) {
    if (block.kind === 'table') {
      current = undefined
      continue
    }
    const text = block.text.trim()
    if (!text) continue
    const key = matchSectionHeading(format, text)
    // A heading counts once, and only in order (`一、…` inside section 五 is body text).
    const order = format.sections.findIndex((s) => s.key === key)
    const lastOrder = seen.length ? format.sections.findIndex((s) => s.key === seen.at(-1)) : -1
    if (key && !seen.includes(key) && order > lastOrder) {
      seen.push(key)
      current = key
      narrative[key] = []
      continue
    }
    if (current) narrative[current]!.push(text)
    else if (!seen.length) before.push(text)
  }
  return { narrative, seen, before }
}

/** Reads a document's blocks; `kind` names the source in messages. */
export function importDocument(
  blocks: readonly DocumentBlock[],
  kind: DocumentKind,
): ImportOutcome {
  const grids = blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : []))
  const tables = importGrids(grids)
  if (!tables.ok) return { ok: false, error: notAReportDocument(kind) }
  const result = tables.result
  if (result.source === 'exact') return tables
  const format = formats[result.formatId]

  const { narrative: sections, seen, before } = splitSections(blocks, format)
  const found = findTitle(before)
  // A preface between the title and 一 (`本报告根据…编制。`) belongs to the overview; short lines
  // there (`发布时间：…`, navigation of a web page) do not.
  const preface = before.slice(found?.end ?? 0).filter((t) => /[。；]/u.test(t))

  // Closing lines: the date, and the signature above it, end the last section; what follows
  // (a web page's print links and footer) is not report text.
  const lastKey = seen.at(-1)
  const tail = lastKey ? sections[lastKey]! : []
  let issuedOn: string | undefined
  let dateAt = tail.length - 1
  while (dateAt >= 0 && parseDateLine(tail[dateAt]!) === undefined) dateAt--
  if (dateAt >= 0) {
    issuedOn = parseDateLine(tail[dateAt]!)
    let cut = dateAt
    while (cut > 0 && dateAt - cut < 2 && isSignatureLine(tail[cut - 1]!)) cut--
    tail.splice(cut)
  }

  const narrative: Partial<Narrative> = {}
  for (const section of format.sections) {
    if (section.kind !== 'narrative') continue
    const paragraphs = (sections[section.key] ?? []).filter((p) => !TEMPLATE_PLACEHOLDER.test(p))
    // A preface before 一 (`本报告根据…编制`) is part of the overview.
    if (section.key === 'overview') paragraphs.unshift(...preface)
    if (paragraphs.length) narrative[section.key] = paragraphs.join('\n\n')
  }

  const missing = format.sections.filter((s) => !seen.includes(s.key))
  const warnings = [...result.warnings]
  if (missing.length) {
    warnings.push(
      `${kind}中没有找到这些部分的标题：${missing.map((s) => sectionHeading(format, s.key)).join('、')}。`,
    )
  }
  const title = found?.title
  if (title && title.year >= 2021 !== (format.id === 'gov2021')) {
    warnings.push(
      `${kind}标题写的是${title.year}年，但表格是${format.basis}的格式；导入时按表格格式处理。`,
    )
  }
  const agencyName = title?.agencyName ?? result.meta?.agencyName
  return {
    ok: true,
    result: {
      ...result,
      ...(title ? { year: title.year } : {}),
      meta: {
        ...(agencyName ? { agencyName } : {}),
        ...(issuedOn ? { issuedOn } : {}),
      },
      narrative: { ...result.narrative, ...narrative },
      warnings,
    },
  }
}
