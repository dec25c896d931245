/**
 * 机关类别 and 层级 read from an agency's name, for files that print a title but no report
 * information (a colleague's sheet, last year's file). A guess to be confirmed by the clerk: where
 * the name cannot tell (a 市 may be 设区的市 or 县级市) the level is left open.
 */
import type { AgencyKind, Level } from './report'

export interface AgencyGuess {
  readonly agencyKind: AgencyKind
  /** Undefined when the name cannot tell; `candidates` then lists what it may be. */
  readonly level?: Level
  readonly candidates: readonly Level[]
}

/** The four 直辖市 are provincial-level. */
const MUNICIPALITIES = /^(北京|天津|上海|重庆)市/
/** A place name: any first character (镇江), then no unit character except the 州 of 苏州市. */
const PLACE = '\\S(?:[^省市州盟县区旗乡镇\\s]|州(?=市)){0,7}?'
/** Province, city (or 州/盟/地区), county (县/区/旗 or a 市 under a city), township, in order. */
const PLACES = new RegExp(
  `^(${PLACE}(?:省|自治区))?(${PLACE}(?:市|自治州|州(?!市)|盟|地区))?(${PLACE}(?:自治县|县|区|旗|市))?(${PLACE}(?:乡|镇|街道))?`,
)
const DEPARTMENT = /(局|委员会|委|办公室|办|中心|厅|署|总队|支队|大队)$/

function levelOf(place: RegExpExecArray, name: string): Pick<AgencyGuess, 'level' | 'candidates'> {
  const [, province, city, county, township] = place
  if (township) return { level: 'township', candidates: ['township'] }
  if (county) return { level: 'county', candidates: ['county'] }
  if (city) {
    if (MUNICIPALITIES.test(name)) return { level: 'provincial', candidates: ['provincial'] }
    if (/(州|盟|地区)$/.test(city)) return { level: 'prefecture', candidates: ['prefecture'] }
    // 设区的市 or 县级市: the name alone cannot tell.
    return { candidates: ['prefecture', 'county'] }
  }
  if (province) return { level: 'provincial', candidates: ['provincial'] }
  return { candidates: [] }
}

/** What the name says about the agency's kind and level. */
export function guessAgency(agencyName: string): AgencyGuess {
  const name = agencyName.replace(/[\s\u3000]+/g, '')
  if (/^(国务院|国家)/.test(name)) {
    return {
      agencyKind: DEPARTMENT.test(name) || /部$/.test(name) ? 'department' : 'other',
      level: 'national',
      candidates: ['national'],
    }
  }
  const place = PLACES.exec(name)!
  const rest = name.slice(place[0].length)
  const where = levelOf(place, name)
  const township = where.level === 'township'
  if (township && (rest === '' || rest === '人民政府' || rest === '办事处')) {
    return { agencyKind: 'township', ...where }
  }
  if (rest === '人民政府') return { agencyKind: 'government', ...where }
  if (rest && DEPARTMENT.test(rest)) return { agencyKind: 'department', ...where }
  return { agencyKind: 'other', ...where }
}
