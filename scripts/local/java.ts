/**
 * Finds a Java runtime for DynamoDB Local (17 or newer) before anything is spawned, so that a
 * missing or old Java is one clear message instead of a spawn ENOENT or a JVM stack trace.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const MIN_JAVA_MAJOR = 17;

export interface JavaLookup {
  /** Defaults to process.env.JAVA_HOME; checked first. */
  javaHome?: string;
  /** Defaults to process.env.PATH; searched when JAVA_HOME has no usable java. */
  path?: string;
}

export interface JavaRuntime {
  /** Absolute path of the java executable. */
  bin: string;
  major: number;
  /** The version line java printed, e.g. `openjdk version "17.0.15" 2025-04-15`. */
  versionLine: string;
}

const INSTALL_HINT =
  `DynamoDB Local needs Java ${MIN_JAVA_MAJOR} or newer. Install it (Debian/Ubuntu: ` +
  '`sudo apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`), ' +
  'or set JAVA_HOME to a JDK/JRE 17+ installation.';

export class JavaUnavailableError extends Error {
  constructor(detail: string) {
    super(`${detail}\n${INSTALL_HINT}`);
    this.name = 'JavaUnavailableError';
  }
}

function executable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const exeName = process.platform === 'win32' ? 'java.exe' : 'java';

/** Parses the major version from `java -version` output (`1.8.0_392` → 8, `17.0.15` → 17, `21` → 21). */
export function parseJavaMajor(output: string): { major: number; line: string } | undefined {
  const line = output.split('\n').find((l) => /version\s+"/.test(l));
  const m = line?.match(/version\s+"(\d+)(?:\.(\d+))?/);
  if (!line || !m) return undefined;
  const first = Number(m[1]);
  const major = first === 1 && m[2] !== undefined ? Number(m[2]) : first;
  return { major, line: line.trim() };
}

/** Locates java (JAVA_HOME first, then PATH) and checks it is 17+; throws JavaUnavailableError otherwise. */
export function findJava(lookup: JavaLookup = {}): JavaRuntime {
  const javaHome = 'javaHome' in lookup ? lookup.javaHome : process.env.JAVA_HOME;
  const searchPath = 'path' in lookup ? lookup.path : process.env.PATH;
  const candidates: string[] = [];
  if (javaHome) candidates.push(join(javaHome, 'bin', exeName));
  for (const dir of (searchPath ?? '').split(delimiter)) if (dir) candidates.push(join(dir, exeName));
  const bin = candidates.find(executable);
  if (!bin) {
    const where = [javaHome ? `JAVA_HOME=${javaHome} has no bin/${exeName}` : 'JAVA_HOME is not set', `no ${exeName} on PATH`];
    throw new JavaUnavailableError(`Java was not found (${where.join('; ')}).`);
  }
  const run = spawnSync(bin, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  if (run.error) throw new JavaUnavailableError(`Could not run ${bin} -version: ${run.error.message}.`);
  const parsed = parseJavaMajor(`${run.stderr ?? ''}\n${run.stdout ?? ''}`);
  if (!parsed) throw new JavaUnavailableError(`Could not read the version printed by ${bin} -version.`);
  if (parsed.major < MIN_JAVA_MAJOR) {
    throw new JavaUnavailableError(`${bin} is Java ${parsed.major} (${parsed.line}); Java ${MIN_JAVA_MAJOR}+ is required.`);
  }
  return { bin, major: parsed.major, versionLine: parsed.line };
}
