import { afterEach, expect, test, vi } from 'vitest'
import { failureMessage, isChunkLoadError, PAGE_UPDATED } from '../../../src/io/errors'

afterEach(() => vi.restoreAllMocks())

test('a lazily loaded part missing after a deploy is told apart from a damaged file', () => {
  // The messages Chromium, Firefox and Safari give when a dynamic import's file is gone.
  for (const message of [
    'Failed to fetch dynamically imported module: http://127.0.0.1/assets/excel-Dx1.js',
    'error loading dynamically imported module: http://127.0.0.1/assets/excel-Dx1.js',
    'Importing a module script failed.',
  ]) {
    expect(isChunkLoadError(new TypeError(message))).toBe(true)
  }
  expect(isChunkLoadError(new Error('Unsupported ZIP encryption'))).toBe(false)
  expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false)
  expect(PAGE_UPDATED).toContain('页面已更新，请刷新')
})

test('a caught error is logged and turned into the message for the user', () => {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {})
  const lost = new TypeError('Failed to fetch dynamically imported module: /assets/pdf-1.js')
  expect(failureMessage('PDF 导出', lost, 'PDF 生成失败')).toBe(PAGE_UPDATED)
  const broken = new Error('bad zip')
  expect(failureMessage('导入', broken, '文件可能已损坏')).toBe('文件可能已损坏')
  expect(log.mock.calls).toEqual([
    ['[年报助手] PDF 导出', lost],
    ['[年报助手] 导入', broken],
  ])
})
