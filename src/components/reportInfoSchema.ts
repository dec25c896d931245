import { z } from 'zod'
import { AGENCY_KINDS, latestSupportedYear, LEVELS, parseIssuedOn, SCOPES } from '../domain'

const keysOf = <T extends Record<string, string>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

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
    // Typed as 2026-01-20 or 2026年1月20日; stored as YYYY-MM-DD.
    issuedOn: z
      .string()
      .superRefine((v, ctx) => {
        const parsed = parseIssuedOn(v)
        if (!parsed.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.reason })
      })
      .transform((v) => {
        const parsed = parseIssuedOn(v)
        return parsed.ok ? parsed.value : v
      })
      .optional(),
    scope: z.enum(keysOf(SCOPES)),
  })

export type ReportInfoValues = z.infer<ReturnType<typeof reportInfoSchema>>
