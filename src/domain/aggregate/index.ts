/** 汇总: many units' reports summed into one region report, unit by unit accounted for. */
export * from './unit'
export * from './aggregate'
export * from './check'
export * from './breakdown'
