/**
 * Recognises the six section headings of a report in a Word document or web page. The official
 * headings come from the format data; real reports vary them (statute wording of 四 and 五,
 * `二、主动公开信息情况`, a trailing `。`, `一.` for `一、`, or the numeral left to Word's list
 * numbering), so a paragraph is a heading when its numeral names the section's place and its
 * wording is close to the official one.
 */
import { sectionHeading, type FormatSpec, type SectionKey } from '../formats'
import { similarity } from '../narrative'
import { normalizeLabel } from '../labels'

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
/** Headings are short; a longer paragraph starting with `一、` is body text. */
const MAX_HEADING_LENGTH = 40
/** Bigram similarity of a variant's wording to the official one, with the numeral agreeing. */
const MIN_SIMILARITY = 0.45

const headingBody = (heading: string) => heading.slice(heading.indexOf('、') + 1)

/** The section a paragraph is the heading of, if it is one. */
export function matchSectionHeading(format: FormatSpec, text: string): SectionKey | undefined {
  const norm = normalizeLabel(text).replace(/[。：:．.]+$/u, '')
  if (!norm || norm.length > MAX_HEADING_LENGTH) return undefined
  const numbered = /^([一二三四五六七八九十])、(.+)$/u.exec(norm)
  if (!numbered) {
    // Numbering left to Word's list format: only the official wording itself counts.
    return format.sections.find(
      (s) => normalizeLabel(headingBody(sectionHeading(format, s.key))) === norm,
    )?.key
  }
  const section = format.sections[NUMERALS.indexOf(numbered[1]!)]
  if (!section) return undefined
  const official = normalizeLabel(headingBody(sectionHeading(format, section.key)))
  const body = numbered[2]!
  const close =
    body === official ||
    body.includes(official) ||
    official.includes(body) ||
    similarity(body, official) >= MIN_SIMILARITY
  return close ? section.key : undefined
}
