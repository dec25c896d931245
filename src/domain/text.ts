/**
 * Small text helpers every part of the app shares: quoting what the user wrote back in a
 * message, full-width digits as half-width, dates written the Chinese way.
 */

/** `text` cut to `max` characters (code points, never inside a pair like 𠮷), `…` if cut. */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text
}

/** `“全年共收到政府信息公开申请17件…”`: text quoted in a message, shortened if long. */
export const quote = (text: string, max = 60): string => `“${excerpt(text, max)}”`

/** `１２３`, `＋`, `－`, `．` → `123`, `+`, `-`, `.`: numbers typed with a Chinese input method. */
export const toHalfWidth = (text: string): string =>
  text.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  )

/** A real calendar day written `YYYY-MM-DD` (what <input type="date"> gives). */
export const isCalendarDate = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

const CHINESE_DATE = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' })

/**
 * `2026-01-20` → `2026年1月20日` (GB/T 9704: Arabic numerals, no leading zeros); undefined for
 * anything that is not a calendar day written `YYYY-MM-DD`.
 */
export const chineseDate = (isoDate: string | undefined): string | undefined =>
  isoDate && isCalendarDate(isoDate)
    ? CHINESE_DATE.format(new Date(`${isoDate}T00:00:00Z`))
    : undefined
