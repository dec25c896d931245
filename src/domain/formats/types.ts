/**
 * The shape of a national report format, described as data. One FormatSpec per format version
 * drives the editor, the rules, the Excel and PDF layouts and the importer's label matching.
 */

import type { RuleId } from '../rules/catalogue'

export type FormatId = 'gov2021' | 'gov2019'
export type TableKey = 't2' | 't3' | 't4'
export type NarrativeKey = 'overview' | 'problems' | 'other'
export type SectionKey = NarrativeKey | TableKey

/**
 * What a cell holds:
 * - count: a non-negative integer (件, 决定数量 …)
 * - amount: a non-negative decimal; `unit` says whether 万元 is printed (kept to 4 decimals = 1 元)
 * - signedCount: an integer that may be negative (the 2019 `本年增/减`)
 */
export type ValueKind = 'count' | 'amount' | 'signedCount'

/** A total declared where it stands: this leaf equals the sum of the other leaves of its parent. */
export interface SumOf {
  readonly ruleId: RuleId
}

export interface ColumnLeaf {
  readonly key: string
  readonly label: string
  readonly kind?: ValueKind // default 'count'
  readonly unit?: string
  /** Physical width in the printed table (table 二 blocks share one 4-column grid). */
  readonly span?: number
  readonly sumOf?: SumOf
}

export interface ColumnGroup {
  /** When set, the key becomes part of the cell id (table 四: `t4.review.total`). */
  readonly key?: string
  readonly label: string
  readonly children: readonly ColumnNode[]
}

export type ColumnNode = ColumnLeaf | ColumnGroup

/**
 * What a row means to the rules, whatever its printed label: rules and messages ask the format for
 * "the regulations row" (`rowByRole`) instead of matching `规章` by hand.
 */
export type RowRole =
  'regulations' | 'withheldInquiry' | 'unableNotHeld' | 'notProcessed' | 'otherHandling'

export interface RowLeaf {
  /** Omitted only for a table whose single data row has no label (table 四). */
  readonly key?: string
  readonly label: string
  readonly role?: RowRole
  readonly sumOf?: SumOf
}

export interface RowGroup {
  /** When set, the key becomes part of the cell id (`t3.withheld.stateSecret.total`). */
  readonly key?: string
  readonly label: string
  readonly role?: RowRole
  readonly children: readonly RowNode[]
}

export type RowNode = RowLeaf | RowGroup

/** One band of a table with its own column header: table 二 has four (five in 2019), others one. */
export interface TableBlock {
  /** Full-width merged row above the block, e.g. `第二十条第（一）项`. */
  readonly header?: string
  /** Label over the row-label column(s) in the column-header rows, e.g. `信息内容`. */
  readonly stubLabel?: string
  readonly columns: readonly ColumnNode[]
  readonly rows: readonly RowNode[]
}

/** Per column: sum of `left` rows = sum of `right` rows (the printed 勾稽关系 of table 三). */
export interface BalanceSpec {
  readonly ruleId: RuleId
  readonly left: readonly string[]
  readonly right: readonly string[]
}

/** Which rows carry applications from one year into the next (table 三). */
export interface CarrySpec {
  /** Row key of `二、上年结转…`: this year's carry-in. */
  readonly carriedIn: string
  /** Row key of `四、结转下年度继续办理`: next year's carry-in. */
  readonly carriedOver: string
  readonly newReceived: string
  readonly resultTotal: string
}

export interface TableSpec {
  readonly key: TableKey
  /** Short name used in accessible names and messages: 表二 / 表三 / 表四. */
  readonly shortName: string
  /** Number of row-label columns (table 三 nests three deep; table 四 has none). */
  readonly stubDepth: number
  /** Text printed in the top-left corner over the stub (table 三's 勾稽 note). */
  readonly cornerNote?: string
  readonly blocks: readonly TableBlock[]
  readonly balance?: BalanceSpec
  readonly carry?: CarrySpec
}

export interface NarrativeSectionSpec {
  readonly key: NarrativeKey
  readonly kind: 'narrative'
  readonly heading: string
  /** What the format asks this section to cover, as shown to the user. */
  readonly guidance: readonly string[]
}

export interface TableSectionSpec {
  readonly key: TableKey
  readonly kind: 'table'
  readonly heading: string
  readonly table: TableSpec
}

export type SectionSpec = NarrativeSectionSpec | TableSectionSpec

export interface FormatSpec {
  readonly id: FormatId
  /** The official document that fixes this layout. */
  readonly basis: string
  readonly firstYear: number
  readonly lastYear?: number
  readonly sections: readonly SectionSpec[]
}

export const isColumnGroup = (node: ColumnNode): node is ColumnGroup => 'children' in node
export const isRowGroup = (node: RowNode): node is RowGroup => 'children' in node
