// A lesson video's ladder progress, to the course's editors (its channel), like upload progress.
import type { RealtimeEventOf } from '#shared/realtime/events'
import { courseChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'

export function announceTranscodeProgress(event: Omit<RealtimeEventOf<'transcode-progress'>, 'type'>): Promise<void> {
  return broadcast(courseChannel(event.courseId), { type: 'transcode-progress', ...event })
}
