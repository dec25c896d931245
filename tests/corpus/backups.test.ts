/**
 * Hostile and broken JSON backups through the import path (readImportFile → readBackup →
 * restoreReport, the same restore that reads autosaved drafts): a clear message, or a correct
 * import (lenient on read: bad fields dropped with a warning, text kept exactly); the prototype
 * chain is never touched and the open draft is unchanged until the user confirms.
 */
import { describe, expect, test } from 'vitest'
import { planImport, type ImportResult, type Report } from '../../src/domain'
import { exampleReport } from '../../src/domain/samples/example'
import { backupFile } from '../../src/io/backup'
import { readImportFile } from '../../src/io/excel/read'
import { utf8 } from './builders'
import {
  expectClearMessage,
  expectOutcome,
  expectPrototypesClean,
  openDraft,
  withinMs,
} from './harness'

/** The example's backup as plain JSON, changed by `edit`, serialised as the file text. */
function backup(edit: (raw: Record<string, unknown>) => void = () => {}): string {
  const raw = JSON.parse(backupFile(exampleReport()).text) as Record<string, unknown>
  edit(raw)
  return JSON.stringify(raw)
}
const meta = (raw: Record<string, unknown>) => raw.meta as Record<string, unknown>
const cells = (raw: Record<string, unknown>) => raw.cells as Record<string, unknown>
const narrative = (raw: Record<string, unknown>) => raw.narrative as Record<string, unknown>

/** JSON text with `"__proto__"` as a real own key (JSON.stringify cannot produce it). */
const withProtoKey = (json: string, where: string, value: string) =>
  json.replace(`"${where}":{`, `"${where}":{"__proto__":${value},`)

type Check = (report: Report, result: ImportResult) => void
interface BackupCase {
  readonly name: string
  readonly text: () => string
  readonly refused?: RegExp | true
  readonly imports?: Check
}

const NARRATIVE_CELL = 't3.newReceived.naturalPerson'
const example = exampleReport()
const sameAsExample: Check = (report) => expect(report).toEqual(example)
const keptText =
  (text: string): Check =>
  (report) =>
    expect(report.narrative.overview).toBe(text)

const cases: BackupCase[] = [
  { name: 'not JSON at all', text: () => '{"type": "nianbao-report", ', refused: /损坏/ },
  { name: 'JSON with trailing garbage', text: () => `${backup()}}}`, refused: /损坏/ },
  { name: 'the literal null', text: () => 'null', refused: true },
  { name: 'an array', text: () => '[1,2,3]', refused: true },
  { name: 'a number', text: () => '42', refused: true },
  { name: 'a string', text: () => '"nianbao-report"', refused: true },
  { name: 'an empty object', text: () => '{}', refused: /不是本工具/ },
  {
    name: 'a wrong type tag',
    text: () => backup((r) => (r.type = 'excel')),
    refused: /不是本工具/,
  },
  {
    name: 'schemaVersion missing',
    text: () => backup((r) => delete r.schemaVersion),
    refused: /版本号/,
  },
  ...([0, -1, 1.5, '1', null, true, 1e308] as const).map((v): BackupCase => ({
    name: `schemaVersion ${JSON.stringify(v)}`,
    text: () => backup((r) => (r.schemaVersion = v)),
    refused: v === 1e308 ? /新版本/ : /版本号/,
  })),
  {
    name: 'schemaVersion 999',
    text: () => backup((r) => (r.schemaVersion = 999)),
    refused: /新版本/,
  },
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'gov2022'].map(
    (id): BackupCase => ({
      name: `formatId ${id}`,
      text: () => backup((r) => (r.formatId = id)),
      refused: /格式无法识别/,
    }),
  ),
  ...([1e308, -2025, 2025.5, 'abc', 2019] as const).map((year): BackupCase => ({
    name: `year ${year} for the 2021 layout`,
    text: () => backup((r) => (meta(r).year = year)),
    refused: /年度与表格格式不符/,
  })),
  {
    name: 'year written as text "2025"',
    text: () => backup((r) => (meta(r).year = '2025')),
    imports: sameAsExample,
  },
  {
    name: '__proto__ at the top level',
    text: () =>
      withProtoKey(backup(), 'meta', '{}').replace('{"type"', '{"__proto__":{"polluted":1},"type"'),
    imports: sameAsExample,
  },
  {
    name: '__proto__ inside meta carrying an agency name',
    text: () =>
      withProtoKey(
        backup((r) => delete meta(r).agencyName),
        'meta',
        '{"agencyName":"伪造机关","polluted":1}',
      ),
    imports: (report) => expect(report.meta.agencyName).toBe(''),
  },
  {
    name: '__proto__ inside cells carrying numbers',
    text: () =>
      withProtoKey(
        backup((r) => (cells(r)[NARRATIVE_CELL] = null)),
        'cells',
        `{"${NARRATIVE_CELL}":99,"polluted":1}`,
      ),
    imports: (report) => expect(report.cells[NARRATIVE_CELL]).toBeNull(),
  },
  {
    name: '__proto__ inside narrative',
    text: () => withProtoKey(backup(), 'narrative', '{"overview":"伪造"}'),
    imports: sameAsExample,
  },
  {
    name: 'constructor.prototype at the top level',
    text: () => backup((r) => Object.assign(r, { constructor: { prototype: { polluted: 1 } } })),
    imports: sameAsExample,
  },
  {
    name: 'constructor and prototype keys among the cells',
    text: () => backup((r) => Object.assign(cells(r), { constructor: 5, prototype: { x: 1 } })),
    imports: sameAsExample,
  },
  {
    name: 'narrative with a script tag',
    text: () => backup((r) => (narrative(r).overview = '<script>alert(1)</script>')),
    imports: keptText('<script>alert(1)</script>'),
  },
  {
    name: 'narrative with an img onerror',
    text: () => backup((r) => (narrative(r).overview = '<img src=x onerror=alert(1)>')),
    imports: keptText('<img src=x onerror=alert(1)>'),
  },
  {
    name: 'a 100 KB paragraph',
    text: () => backup((r) => (narrative(r).overview = '公开'.repeat(51_200))),
    imports: keptText('公开'.repeat(51_200)),
  },
  {
    name: 'emoji and non-BMP characters in the narrative',
    text: () => backup((r) => (narrative(r).overview = '𠮷野家 😀 👨‍👩‍👧 𪚥')),
    imports: keptText('𠮷野家 😀 👨‍👩‍👧 𪚥'),
  },
  {
    name: 'lone surrogates in the narrative (escaped in JSON)',
    text: () => backup().replace('"overview":"', '"overview":"\\ud800\\udfff\\udc00'),
    imports: (report) =>
      expect(report.narrative.overview.startsWith('\ud800\udfff\udc00')).toBe(true),
  },
  ...([42, { text: 'x' }, ['a'], null, true] as const).map((v): BackupCase => ({
    name: `narrative given as ${JSON.stringify(v)}`,
    text: () => backup((r) => (narrative(r).overview = v)),
    imports: keptText(''),
  })),
  ...(
    [
      [-1, /负数/],
      [0.5, /整数/],
      ['abc', /不是数字/],
      [1e308, /过大/],
      // eslint-disable-next-line no-loss-of-precision -- parsed to 2^53 as every JSON reader does
      [9007199254740993, /过大/],
      ['9007199254740993', /过大/],
      [true, /不是数字/],
      [{}, /不是数字/],
      [[7], /不是数字/],
    ] as const
  ).map(([v, reason]): BackupCase => ({
    name: `count cell holding ${JSON.stringify(v)}`,
    text: () => backup((r) => (cells(r)[NARRATIVE_CELL] = v)),
    imports: (report, result) => {
      expect(report.cells[NARRATIVE_CELL]).toBeNull()
      expect(result.warnings.join('\n')).toMatch(reason)
    },
  })),
  {
    name: 'count written as "1,234件"',
    text: () => backup((r) => (cells(r)[NARRATIVE_CELL] = '1,234件')),
    imports: (report) => expect(report.cells[NARRATIVE_CELL]).toBe(1234),
  },
  {
    name: 'cells given as an array',
    text: () => backup((r) => (r.cells = [1, 2, 3])),
    imports: (report) => expect(Object.values(report.cells).every((v) => v === null)).toBe(true),
  },
  {
    name: 'agency name given as an object',
    text: () => backup((r) => (meta(r).agencyName = { toString: 'x' })),
    imports: (report) => expect(report.meta.agencyName).toBe(''),
  },
  {
    name: 'an impossible date (2025-13-45)',
    text: () => backup((r) => (meta(r).issuedOn = '2025-13-45')),
    imports: (report) => expect(report.meta.issuedOn).toBeUndefined(),
  },
  {
    name: 'a date that does not exist (2026-02-30)',
    text: () => backup((r) => (meta(r).issuedOn = '2026-02-30')),
    imports: (report) => expect(report.meta.issuedOn).toBeUndefined(),
  },
  {
    name: 'unknown agency kind, level and scope',
    text: () =>
      backup((r) => Object.assign(meta(r), { agencyKind: 'x', level: '__proto__', scope: 1 })),
    imports: (report) =>
      expect([report.meta.agencyKind, report.meta.level, report.meta.scope]).toEqual([
        'other',
        'county',
        'self',
      ]),
  },
  {
    name: 'totals mode set to nonsense',
    text: () => backup((r) => (r.totalsMode = { t2: 'eval', t3: null, __proto__: 'manual' })),
    imports: (report) =>
      expect(Object.values(report.totalsMode)).toEqual(['computed', 'computed', 'computed']),
  },
  {
    name: 'a byte-order mark before the JSON',
    text: () => `\uFEFF${backup()}`,
    imports: sameAsExample,
  },
  {
    name: 'duplicate keys (the last one wins, as in every JSON reader)',
    text: () => backup().replace('"type":', '"type":"x","type":'),
    imports: sameAsExample,
  },
  {
    name: 'arrays nested 100,000 deep',
    text: () => `{"type":"nianbao-report","deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    refused: true,
  },
  {
    name: 'a 15 MB narrative',
    text: () => backup((r) => (narrative(r).other = '年'.repeat(5_000_000))),
    imports: (report) => expect(report.narrative.other.length).toBe(5_000_000),
  },
]

describe('importing hostile and broken JSON backups', () => {
  test.each(cases)('$name', async (c) => {
    const { draft, snapshot } = openDraft()
    const before = snapshot()
    const bytes = utf8(c.text())
    const outcome = await withinMs(5000, () => readImportFile(bytes, '备份.json'))
    expectPrototypesClean()
    const result = expectOutcome(outcome, c.refused, () => expect(snapshot()).toBe(before))
    if (!result) return
    for (const w of result.warnings) expectClearMessage(w)
    const plan = planImport(result, draft.report)
    expect(snapshot()).toBe(before)
    c.imports!(plan.report, result)
  })
})
