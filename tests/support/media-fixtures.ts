// Fixtures for media library tests: an instructor with a course, a chapter and two lessons, made
// through the API (so ownership and positions are the real ones).
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import { data, signedUp } from './api-client'

export async function studio(title = 'Lighting basics') {
  const owner = await signedUp({ name: 'Mina Media' })
  const course = data(await owner.post<Course>('/api/courses', { title, category: 'Photography' }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Setup' }))
  const lessons = [
    data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Key light' })),
    data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Fill light' })),
  ]
  return { owner, ownerId: owner.user!.id, course, chapter, lessons }
}
