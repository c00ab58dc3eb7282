// Channel names. Each kind has one access rule on the server (server/realtime/access.ts):
//   user:<userId>     the user's own stream (their course list, notifications)
//   course:<courseId> one course (editor, upload progress); its owner for now
//   conversation:<id> one student–instructor conversation; its two participants and the
//                     student's linked observers (private messages skip observers' sockets)
import { z } from 'zod'

export const CHANNEL_KINDS = ['user', 'course', 'conversation'] as const
export type ChannelKind = typeof CHANNEL_KINDS[number]

export const Channel = z.string().regex(/^(user|course|conversation):[\w-]{1,64}$/, 'Not a channel name')

export const userChannel = (userId: string) => `user:${userId}`
export const courseChannel = (courseId: string) => `course:${courseId}`
export const conversationChannel = (conversationId: string) => `conversation:${conversationId}`

export function parseChannel(channel: string): { kind: ChannelKind, id: string } | null {
  if (!Channel.safeParse(channel).success) return null
  const index = channel.indexOf(':')
  return { kind: channel.slice(0, index) as ChannelKind, id: channel.slice(index + 1) }
}
