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
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);
