#!/usr/bin/env node
// Entry point for `npx crackdown`: loads TypeScript through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

if (typeof Promise.withResolvers !== 'function') {
  // aws-local-stepfunctions@3 needs Promise.withResolvers (Node 22+); npm scripts run Node 22 from node_modules.
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true'; // the stages' EMF metric lines are for CloudWatch, not a terminal
register();
const { main } = await import('./main.ts');
// Exit once the command is done: a sweep paused for review leaves aws-local-stepfunctions' Task timer (the review's
// timeout, days) armed in this process; its work is saved. A large result written to a pipe (`report --json | jq`)
// is still queued when main returns: exit only once stdout and stderr have taken everything written to them.
const code = await main(process.argv);
await Promise.all([process.stdout, process.stderr].map((s) => new Promise((resolve) => s.write('', resolve))));
process.exit(code);
