// Who tries each route besides its owner, and who its owner is.
import type { RouteEntry, Fixture } from '../route-catalogue'
import type { OwnerWorld } from './owner-world'
import type { Caller } from './send'

/** The strangers of the matrix: nobody, a student not in the course, an observer not linked, another instructor. */
export async function strangersFor(world: OwnerWorld, entry: RouteEntry): Promise<Caller[]> {
  const { student, observer, instructor } = entry.freshCallers
    ? await Promise.all([world.account('STUDENT'), world.account('OBSERVER'), world.account('INSTRUCTOR')]).then(([student, observer, instructor]) => ({ student, observer, instructor }))
    : world.strangers
  const callers: Caller[] = [
    { name: 'anonymous', client: world.anonymous() },
    { name: 'a student not in the course', client: student },
    { name: 'an observer not linked', client: observer },
    { name: 'another instructor', client: instructor },
  ]
  if (entry.classmate) callers.push({ name: 'another student of the course', client: world.classmate })
  // Insiders are strangers too where the route is the instructor's: the course's own student and
  // the student's observer (who may read the conversation) must not act as its instructor.
  if (entry.access === 'instructor-owner') callers.push({ name: 'the enrolled student', client: world.student })
  if (entry.access === 'instructor-owner' || entry.observerRefused) callers.push({ name: 'the student\'s linked observer', client: world.observer })
  // The internal token is the only key: not even the owner's session opens these routes.
  if (entry.access === 'internal') {
    callers.push({ name: 'the owner\'s session without the token', client: world.instructor })
    callers.push({ name: 'a wrong token of the right length', token: 'f'.repeat(world.lectern.internalToken.length) })
  }
  return callers
}

export function ownerOf(world: OwnerWorld, entry: RouteEntry, fixture: Fixture): Caller {
  if (fixture.as) return { name: 'owner', client: fixture.as }
  switch (entry.owner) {
    case 'internal': return { name: 'internal caller', token: world.lectern.internalToken }
    case 'anonymous': return { name: 'anonymous', client: world.anonymous() }
    case 'student': return { name: 'the enrolled student', client: world.student }
    case 'instructor': return { name: 'the owning instructor', client: world.instructor }
  }
}
