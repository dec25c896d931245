/** Import from any tabular source: grids in, recognised cells and a preview plan out. */
export * from './grid'
export * from './normalize'
export * from './dataSheet'
export * from './infoSheet'
export * from './importGrids'
export * from './importPlan'
export type { LooseMatch } from './locate'
