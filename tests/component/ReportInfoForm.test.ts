// @vitest-environment jsdom
import { mount } from '@vue/test-utils'
import { expect, test, vi } from 'vitest'
import ReportInfoForm from '../../src/components/ReportInfoForm.vue'

test('refuses an empty name, then submits typed report information', async () => {
  const wrapper = mount(ReportInfoForm, { props: { submitLabel: '开始编辑' } })
  expect((wrapper.get('#info-year').element as HTMLSelectElement).value).toBe(
    String(new Date().getFullYear() - 1),
  )
  await wrapper.get('form').trigger('submit')
  // vee-validate validates asynchronously.
  await vi.waitFor(() => expect(wrapper.get('#info-agency-error').text()).toBe('请填写机关名称'))
  expect(wrapper.emitted('submit')).toBeUndefined()

  await wrapper.get('#info-agency').setValue('  某县交通运输局 ')
  await wrapper.get('#info-kind').setValue('department')
  await wrapper.get('#info-year').setValue('2020')
  await wrapper.get('#info-date').setValue('2021-01-25')
  await wrapper.get('form').trigger('submit')
  await vi.waitFor(() => expect(wrapper.emitted('submit')).toBeDefined())
  expect(wrapper.emitted('submit')?.[0]?.[0]).toEqual({
    agencyName: '某县交通运输局',
    agencyKind: 'department',
    level: 'county',
    year: 2020,
    scope: 'self',
    issuedOn: '2021-01-25',
  })
})

test('成文日期: 2026年1月20日 is read; an incomplete date is refused and kept; an early one questioned', async () => {
  const wrapper = mount(ReportInfoForm, { props: { submitLabel: '开始编辑' } })
  await wrapper.get('#info-agency').setValue('某县交通运输局')
  await wrapper.get('#info-year').setValue('2025')
  await wrapper.get('#info-date').setValue('2026年1月')
  await wrapper.get('form').trigger('submit')
  await vi.waitFor(() =>
    expect(wrapper.get('#info-date-error').text()).toBe(
      '成文日期“2026年1月”不完整，请写出年、月、日，如 2026-01-20 或 2026年1月20日',
    ),
  )
  expect(wrapper.emitted('submit')).toBeUndefined()
  expect((wrapper.get('#info-date').element as HTMLInputElement).value).toBe('2026年1月')

  await wrapper.get('#info-date').setValue('2025年12月20日')
  await vi.waitFor(() => expect(wrapper.find('#info-date-question').exists()).toBe(true))
  expect(wrapper.get('#info-date-question').text()).toContain('早于报告年度结束（2025年12月31日）')

  await wrapper.get('#info-date').setValue('2026年1月20日')
  expect(wrapper.find('#info-date-question').exists()).toBe(false)
  await wrapper.get('form').trigger('submit')
  await vi.waitFor(() => expect(wrapper.emitted('submit')).toBeDefined())
  expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ year: 2025, issuedOn: '2026-01-20' })
})
