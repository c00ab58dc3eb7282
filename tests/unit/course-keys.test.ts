import { describe, expect, it } from 'vitest'
import { courseKeys } from '../../composables/queries/course/keys'

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((part, i) => key[i] === part)

describe('courseKeys', () => {
  it('nests every key under its parents, so invalidating a parent reaches all children', () => {
    expect(startsWith(courseKeys.list(), courseKeys.lists())).toBe(true)
    expect(startsWith(courseKeys.deleted(), courseKeys.lists())).toBe(true)
    expect(startsWith(courseKeys.detail('c1'), courseKeys.details())).toBe(true)
    for (const key of [courseKeys.lists(), courseKeys.details(), courseKeys.detail('c1')]) expect(startsWith(key, courseKeys.all)).toBe(true)
  })

  it('keeps lists and details apart, and one detail per id', () => {
    expect(startsWith(courseKeys.detail('c1'), courseKeys.lists())).toBe(false)
    expect(courseKeys.detail('c1')).not.toEqual(courseKeys.detail('c2'))
    expect(courseKeys.list()).not.toEqual(courseKeys.deleted())
  })
})
