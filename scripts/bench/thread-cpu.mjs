// CPU time (user + system, ms) of the calling thread, from /proc/thread-self/stat (Linux); null elsewhere.
import { readFileSync } from 'node:fs';

export function threadCpuMs() {
  try {
    const s = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), in clock ticks of 10 ms on Linux.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}
