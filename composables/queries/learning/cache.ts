// How a progress answer lands in the watch page's cache: the lesson's position and tick, the
// course's percent and resume point.
import type { LearnCourse, LessonProgressState } from '#shared/types/learning'

/** Writes a progress answer into the watch page's cache. */
export function progressSaved(course: LearnCourse | undefined, state: LessonProgressState): LearnCourse | undefined {
  if (!course) return course
  return {
    ...course,
    percentComplete: state.percentComplete,
    completedAt: state.courseCompletedAt,
    resumeLessonId: state.lessonId,
    chapters: course.chapters.map(chapter => ({
      ...chapter,
      lessons: chapter.lessons.map(lesson => lesson.id === state.lessonId
        ? { ...lesson, positionSeconds: state.positionSeconds, completed: state.completed }
        : lesson),
    })),
  }
}
