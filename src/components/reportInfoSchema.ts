import { z } from 'zod'
import { AGENCY_KINDS, latestSupportedYear, LEVELS, SCOPES } from '../domain'

const keysOf = <T extends Record<string, string>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

/** A real calendar day written `YYYY-MM-DD` (what <input type="date"> gives). */
export const isCalendarDate = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/** The report information: required name, year 2019…next year, a valid 成文日期 when given. */
export const reportInfoSchema = (today = new Date()) =>
  z.object({
    agencyName: z
      .string({ required_error: '请填写机关名称' })
      .trim()
      .min(1, '请填写机关名称')
      .max(60, '机关名称不超过 60 个字'),
    agencyKind: z.enum(keysOf(AGENCY_KINDS)),
    level: z.enum(keysOf(LEVELS)),
    year: z
      .number({ invalid_type_error: '请选择报告年度' })
      .int()
      .min(2019, '报告年度不能早于 2019 年')
      .max(latestSupportedYear(today), `报告年度不能晚于 ${latestSupportedYear(today)} 年`),
    issuedOn: z
      .string()
      .refine((v) => v === '' || isCalendarDate(v), '请填写有效的日期')
      .optional(),
    scope: z.enum(keysOf(SCOPES)),
  })

export type ReportInfoValues = z.infer<ReturnType<typeof reportInfoSchema>>
