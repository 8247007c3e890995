// cdk.json entry: `npx tsx infra/app.ts`.
import { buildCrackdownApp } from './crackdownApp.ts';

const { app } = buildCrackdownApp({ bundling: true });
app.synth();
