import { pruneSignInAttempts } from '../../services/auth/login-throttle'
import { purgeDeletedCourses } from '../../services/courses/purge-deleted'

// Scheduled hourly in nuxt.config.ts (nitro.scheduledTasks); also runs once at start-up.
export default defineTask({
  meta: { name: 'courses:purge', description: 'Delete courses past their retention in "Recently deleted"' },
  async run() {
    const retentionDays = lecternConfig().courseRetentionDays
    const courses = await purgeDeletedCourses({ retentionDays })
    const signInAttempts = await pruneSignInAttempts()
    if (courses) console.info(`[courses:purge] removed ${courses} course(s) deleted more than ${retentionDays} days ago`)
    return { result: { courses, signInAttempts } }
  },
})
