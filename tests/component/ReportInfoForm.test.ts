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
