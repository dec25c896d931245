// @vitest-environment jsdom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, expect, test, vi } from 'vitest'
import PdfExportDialog from '../../../src/components/PdfExportDialog.vue'
import { exampleReport } from '../../../src/domain/samples/example'
import type { PdfExportOptions, PdfExportResult } from '../../../src/io/pdf'
import { useDraftStore } from '../../../src/stores/draft'

const exportPdf = vi.fn<(report: unknown, options: PdfExportOptions) => Promise<PdfExportResult>>()
vi.mock('../../../src/io/pdf', () => ({ exportPdf }))

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  exportPdf.mockReset()
  // jsdom has neither modal dialogs nor object URLs.
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true
  }
  URL.createObjectURL = () => 'blob:preview'
  URL.revokeObjectURL = () => {}
})

const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46])

async function openDialog() {
  const wrapper = mount(PdfExportDialog, { attachTo: document.body })
  ;(wrapper.vm as unknown as { open(): void }).open()
  await flushPromises()
  return wrapper
}

test('lists the open errors first, passes them to the export and previews the PDF', async () => {
  const draft = useDraftStore()
  draft.createDraft(exampleReport())
  draft.setCell('t3.newReceived.naturalPerson', '999') // 表三 no longer balances
  exportPdf.mockImplementation(async (_report, options) => {
    options.onProgress?.({ stage: 'fonts', fraction: 0.5 })
    return { ok: true, bytes: pdfBytes, pages: 6, draft: true, usedFullFont: false, replaced: [] }
  })
  const wrapper = await openDialog()

  const errors = wrapper.get('[aria-label="未解决的错误"]')
  expect(errors.text()).toContain('草稿·校验未通过')
  expect(errors.findAll('li').length).toBeGreaterThan(0)
  const passed = exportPdf.mock.calls[0]![1].findings ?? []
  expect(passed.some((f) => f.severity === 'error')).toBe(true)
  expect(wrapper.get('iframe').attributes('src')).toBe('blob:preview')
  expect(wrapper.text()).toMatch(/已生成 6 页，0 KB，用时\s*[\d.]+\s*秒/)
  expect(wrapper.get('button.primary').attributes('disabled')).toBeUndefined()
  wrapper.unmount()
})

test('names characters no font has and where they are; exports with 〓 only when asked', async () => {
  const draft = useDraftStore()
  draft.createDraft(exampleReport())
  const missing = [{ char: '𠮷', codePoint: 'U+20BB7', where: ['“一、总体情况”第2段'] }]
  exportPdf.mockResolvedValueOnce({ ok: false, missing })
  exportPdf.mockResolvedValueOnce({
    ok: true,
    bytes: pdfBytes,
    pages: 6,
    draft: false,
    usedFullFont: true,
    replaced: missing,
  })
  const wrapper = await openDialog()

  expect(wrapper.find('[aria-label="未解决的错误"]').exists()).toBe(false)
  expect(wrapper.get('[role="alert"]').text()).toContain(
    '“𠮷”（U+20BB7），位于：“一、总体情况”第2段',
  )
  expect(wrapper.find('iframe').exists()).toBe(false)
  await wrapper.get('button.primary').trigger('click')
  await flushPromises()
  expect(exportPdf.mock.calls[1]![1].replaceMissing).toBe(true)
  expect(wrapper.text()).toContain('1 个字符以“〓”代替')
  wrapper.unmount()
})
