import { gov2019 } from './gov2019'
import { gov2021 } from './gov2021'
import type { FormatId, FormatSpec } from './types'

export * from './types'
export * from './cells'
export * from './layout'
export { gov2019, gov2021 }
export { GUIDANCE } from './common'

export const formats: Readonly<Record<FormatId, FormatSpec>> = Object.freeze({ gov2019, gov2021 })

export class UnsupportedYearError extends Error {
  constructor(readonly year: number) {
    super(`不支持的报告年度：${year}。本工具支持 2019 年及以后、至多到明年的报告年度。`)
  }
}

/** Latest report year a user may start: reports are written for the past year, allow one ahead. */
export const latestSupportedYear = (today = new Date()) => today.getFullYear() + 1

/** The national layout for a report year: 2019–2020 use 〔2019〕60号, 2021 on use 〔2021〕30号. */
export function formatForYear(year: number, today = new Date()): FormatSpec {
  if (!Number.isInteger(year) || year < 2019 || year > latestSupportedYear(today)) {
    throw new UnsupportedYearError(year)
  }
  return year >= gov2021.firstYear ? gov2021 : gov2019
}

export function formatById(id: string): FormatSpec | undefined {
  return Object.hasOwn(formats, id) ? formats[id as FormatId] : undefined
}
