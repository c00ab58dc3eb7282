// Password hashing with scrypt (the same driver nuxt-auth-utils uses), in a plain module so the
// seed script and test factories hash exactly as the server verifies.
import { Hash } from '@adonisjs/hash'
import { Scrypt } from '@adonisjs/hash/drivers/scrypt'

const hash = new Hash(new Scrypt({ cost: 16384, blockSize: 8, parallelization: 1, keyLength: 64, saltSize: 16 }))

export const hashPassword = (plain: string): Promise<string> => hash.make(plain)

export const verifyPassword = (hashed: string, plain: string): Promise<boolean> => hash.verify(hashed, plain)

// A real hash of a random password: checking against it when the email is unknown makes a wrong
// email take as long as a wrong password, so timing does not reveal which accounts exist.
let decoy: Promise<string> | undefined
export async function verifyAgainstDecoy(plain: string): Promise<false> {
  decoy ??= hash.make(crypto.randomUUID())
  await hash.verify(await decoy, plain)
  return false
}
