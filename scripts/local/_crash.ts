import { startEmbeddedStack } from '#scripts/local/embeddedStack';
const s = await startEmbeddedStack({ stateDir: '/tmp/cd-smoke/state', quiet: true });
console.log(JSON.stringify({ javaPid: s.javaPid }));
const mode = process.argv[2];
if (mode === 'sigkill') process.kill(process.pid, 'SIGKILL');
if (mode === 'throw') setTimeout(() => { throw new Error('boom'); }, 10);
if (mode === 'reject') void Promise.reject(new Error('rejected'));
if (mode === 'sigint') process.kill(process.pid, 'SIGINT');
