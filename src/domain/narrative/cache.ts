/**
 * A small cache that forgets its oldest entry: findings are recomputed on every edit of the
 * draft, and an edit changes one cell or one section at a time.
 */
export function lru<V>(size: number): (key: string, make: () => V) => V {
  const map = new Map<string, V>()
  return (key, make) => {
    let value = map.get(key)
    if (value === undefined) {
      value = make()
      if (map.size >= size) map.delete(map.keys().next().value!)
      map.set(key, value)
    }
    return value
  }
}
