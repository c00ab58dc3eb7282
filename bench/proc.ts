// What a process has used, read from /proc (Linux; 0 elsewhere), for the benchmarks' CPU and
// memory figures. The tree variants add the descendants (tsx runs a baseline in a child process).
import { readFileSync } from 'node:fs'

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  }
  catch {
    return []
  }
}

/** CPU time (user + system, ms) a process has used so far (100 ticks a second). */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  }
  catch {
    return 0
  }
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
  }
  catch {
    return 0
  }
}

/** A reading summed over a process and all its descendants. */
export function ofTree(read: (pid: number) => number, pid: number): number {
  return read(pid) + children(pid).reduce((sum, child) => sum + ofTree(read, child), 0)
}
