/** The pure domain core: formats, report model, rules, carry-over and migration. */
export * from './formats'
export * from './report'
export * from './text'
export * from './rules'
export * from './restore'
export * from './explanations'
export * from './dates'
export type {
  BackupDraft,
  LibraryRestoreResult,
  LocalDraft,
  RestoreAction,
  RestoreStep,
} from './libraryBackup'
export * from './import'
export { exampleReport } from './samples/example'
export * from './carryOver'
export * from './migrate'
export { statisticsSentences, type StatisticsOptions } from './narrative/statistics'
export {
  narrativeCoverage,
  sentenceRange,
  type SectionCoverage,
  type TopicCoverage,
} from './narrative'
export * from './aggregate'
export * from './agency'
export * from './merge'
