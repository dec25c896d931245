export * from './coverage'
export * from './facts'
export * from './text'
