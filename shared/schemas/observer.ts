// Observers of a student (linked by one of that student's instructors) and each message's
// visibility: who besides the pair may read it. Used by the routes and by the forms alike.
import { z } from 'zod'
import { MESSAGE_ACCESS } from './conversation'

const id = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id')

/** `/api/students/:id/observers`: one of the caller's students. */
export const StudentIdParams = z.object({ id })
/** `/api/students/:id/observers/:observerId`. */
export const StudentObserverParams = z.object({ id, observerId: id })

export const AddObserverInput = z.object({
  email: z.string({ required_error: 'Enter the observer’s email' }).trim().toLowerCase().min(1, 'Enter the observer’s email').email('Enter an email address like name@example.com').max(254, 'That email is too long'),
})
export type AddObserverInput = z.infer<typeof AddObserverInput>

/** `/api/messages/:id/visibility`. */
export const MessageIdParams = z.object({ id })

/**
 * A message's visibility as a whole: its access (the pair only, or shared with every observer
 * linked to the pair) and the observers it is explicitly granted to (meaningful when the access
 * is "participants only"; kept as they are when it is shared).
 */
export const SetMessageVisibilityInput = z.object({
  access: z.enum(MESSAGE_ACCESS, { errorMap: () => ({ message: 'Choose who may read this message' }) }),
  grantedTo: z.array(id).max(100, 'Grant it to at most 100 observers').default([]),
})
export type SetMessageVisibilityInput = z.infer<typeof SetMessageVisibilityInput>
