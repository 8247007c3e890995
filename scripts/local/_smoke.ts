import { startEmbeddedStack } from '#scripts/local/embeddedStack';
const s = await startEmbeddedStack({ stateDir: '/tmp/cd-smoke/state' });
const t = performance.now();
await s.stop();
console.log('stopped in', Math.round(performance.now() - t));
