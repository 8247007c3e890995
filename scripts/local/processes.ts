/**
 * Small process helpers for the embedded stack: liveness, command lines, start times, and
 * waiting for a pid to disappear. Linux reads /proc; elsewhere `ps` answers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function procStat(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) is parenthesised and may hold spaces: split after the last ')'.
    return raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** True while `pid` names a running (not zombie) process. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  // stat[0] is field 3, the state; a zombie has exited and only waits to be reaped.
  return !(stat && (stat[0] === 'Z' || stat[0] === 'X'));
}

/** The process's command line (arguments joined by spaces), or undefined if it is gone. */
export function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    if (process.platform === 'linux') return undefined;
  }
  try {
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Kernel start time of the process (clock ticks since boot), to tell a reused pid apart; undefined off Linux. */
export function processStartTime(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/** Resolves true once `pid` is gone, false if it is still alive after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves true once the process is gone. */
export async function terminate(pid: number, graceMs = 5000): Promise<boolean> {
  if (!isAlive(pid)) return true;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return !isAlive(pid);
  }
  if (await waitForExit(pid, graceMs)) return true;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  return waitForExit(pid, 2000);
}
