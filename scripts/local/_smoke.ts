import { startEmbeddedStack } from '#scripts/local/embeddedStack';
const s = await startEmbeddedStack({ stateDir: '/tmp/cd-smoke/state' });
console.log(s.env, s.startupMs, s.javaPid);
await s.stop();
console.log('stopped');
