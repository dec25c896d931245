/**
 * Reading Chinese report prose: sentences, clauses, and the numbers written in them
 * (`1,234`, `１７`, `十二`, `两`, `一百零五`).
 */

export interface Sentence {
  /** The sentence without whitespace (spaces inside Chinese prose carry no meaning). */
  readonly text: string
  /** Its clauses (split at `，`, `、` stays inside), for attributing a number to its verb. */
  readonly clauses: readonly string[]
}

/** `１７` → `17`. */
export const toHalfWidth = (text: string) =>
  text.replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))

/** Splits prose into sentences at `。！？；` and line breaks. */
export function splitSentences(text: string): Sentence[] {
  return toHalfWidth(text)
    .split(/[。！？!?；;\n\r]+/)
    .map((s) => s.replace(/[\s\u3000]+/g, ''))
    .filter((s) => s.length > 0)
    .map((s) => ({ text: s, clauses: s.split(/[，,：:]/).filter(Boolean) }))
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

/** `十二` → 12, `一百零五` → 105, `两万三千` → 23000; null when not a numeral. */
export function chineseNumber(text: string): number | null {
  let total = 0
  let section = 0
  let digit: number | null = null
  for (const ch of text) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!
    else if (ch in CN_UNITS) {
      section += (digit ?? 1) * CN_UNITS[ch]!
      digit = null
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000
      section = 0
      digit = null
    } else return null
  }
  return text ? total + section + (digit ?? 0) : null
}

/** A number as written: Arabic (thousands separators allowed) or a Chinese numeral. */
export const NUMBER = String.raw`(\d[\d,，]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)`

export function readNumber(written: string): number | null {
  if (/^\d/.test(written)) {
    const value = Number(written.replace(/[,，]/g, ''))
    return Number.isFinite(value) ? value : null
  }
  return chineseNumber(written)
}

export interface CountMention {
  readonly value: number
  /** Text between the previous number of the clause (or its start) and this one. */
  readonly before: string
  readonly index: number
}

const COUNT = new RegExp(NUMBER + '件', 'g')

/** Every `N件` in a clause, with the words that lead up to it. */
export function countsIn(clause: string): CountMention[] {
  const out: CountMention[] = []
  let last = 0
  for (const m of clause.matchAll(COUNT)) {
    const value = readNumber(m[1]!)
    // `第一件`, `逐一件` are not counts.
    const prev = clause[m.index - 1]
    if (value !== null && prev !== '第') {
      out.push({ value, before: clause.slice(last, m.index), index: m.index })
    }
    last = m.index + m[0].length
  }
  return out
}

/** Character-bigram Dice similarity of two texts (whitespace and punctuation ignored), 0…1. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const clean = s.replace(/[\s\p{P}]/gu, '')
    const map = new Map<string, number>()
    for (let i = 0; i < clean.length - 1; i++) {
      const g = clean.slice(i, i + 2)
      map.set(g, (map.get(g) ?? 0) + 1)
    }
    return { map, size: Math.max(0, clean.length - 1) }
  }
  const x = grams(a)
  const y = grams(b)
  if (!x.size || !y.size) return 0
  let shared = 0
  for (const [g, n] of x.map) shared += Math.min(n, y.map.get(g) ?? 0)
  return (2 * shared) / (x.size + y.size)
}

/**
 * Where a sentence as read (whitespace removed, digits half-width) lies in the text as typed:
 * `[start, end)`, or null. Lets the editor select the sentence a finding quotes.
 */
export function sentenceRange(text: string, sentence: string): [number, number] | null {
  if (!sentence) return null
  const pattern = Array.from(sentence)
    .map((ch) =>
      /\d/.test(ch)
        ? `[${ch}${String.fromCharCode(ch.charCodeAt(0) + 0xfee0)}]`
        : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('[\\s\\u3000]*')
  const m = new RegExp(pattern, 'u').exec(text)
  return m ? [m.index, m.index + m[0].length] : null
}
