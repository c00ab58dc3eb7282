// A real SMTP server inside the test run (smtp-server), so the app's mail goes through nodemailer
// and the SMTP protocol exactly as in production. Each message is parsed (mailparser) and kept as a
// JSON file in one folder: test files run in other processes and read it (tests/support/mailbox.ts).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface StoredMail {
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  receivedAt: number
}

export async function startSmtpSink(dir: string): Promise<{ port: number, stop: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true })
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make, and nodemailer then sends in the clear.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        const mail: StoredMail = {
          to: session.envelope.rcptTo.map(r => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          receivedAt: Date.now(),
        }
        // Written whole under a temporary name, then renamed: a reader never sees half a file.
        const name = `${Date.now()}-${process.pid}-${++count}`
        writeFileSync(join(dir, `${name}.tmp`), JSON.stringify(mail))
        renameSync(join(dir, `${name}.tmp`), join(dir, `${name}.json`))
        callback()
      }, error => callback(error as Error))
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as { port: number }
  return { port, stop: () => new Promise(resolve => server.close(() => resolve())) }
}
