/** Human or JSON output, and a progress bar per stage on a terminal (plain lines otherwise). */
import cliProgress from 'cli-progress';

export interface Output {
  json: boolean;
  /** A human line (suppressed with --json, to stderr so stdout stays clean for scripts). */
  info(line: string): void;
  /** The command's result: pretty JSON with --json, else the human rendering. */
  result(value: unknown, human: () => string): void;
}

export function makeOutput(json: boolean): Output {
  return {
    json,
    info(line) {
      if (!json) process.stderr.write(`${line}\n`);
    },
    result(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
  };
}

export interface StageProgress {
  stageStarted(stage: string, total: number): void;
  stepDone(stage: string): void;
  stageDone(stage: string): void;
  stop(): void;
}

export function makeProgress(out: Output): StageProgress {
  const tty = process.stderr.isTTY && !out.json;
  if (!tty) {
    const done = new Map<string, { n: number; total: number }>();
    return {
      stageStarted(stage, total) {
        const known = done.get(stage);
        if (known) {
          known.total = Math.max(known.total, total);
          return;
        }
        done.set(stage, { n: 0, total });
        out.info(`[sweep] ${stage} started${total > 1 ? ` (${total} items)` : ''}`);
      },
      stepDone(stage) {
        const s = done.get(stage);
        if (!s) return;
        s.n += 1;
        out.info(`[sweep] ${stage} ${s.n}/${s.total}`);
      },
      stageDone(stage) {
        out.info(`[sweep] ${stage} done`);
      },
      stop() {},
    };
  }
  const bars = new cliProgress.MultiBar(
    { format: ' {stage} |{bar}| {value}/{total}', hideCursor: true, clearOnComplete: false, stream: process.stderr, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  const byStage = new Map<string, cliProgress.SingleBar>();
  return {
    stageStarted(stage, total) {
      if (!byStage.has(stage)) byStage.set(stage, bars.create(Math.max(1, total), 0, { stage: stage.padEnd(16) }));
    },
    stepDone(stage) {
      byStage.get(stage)?.increment();
    },
    stageDone(stage) {
      const bar = byStage.get(stage);
      if (bar) bar.update(bar.getTotal());
    },
    stop() {
      bars.stop();
    },
  };
}
