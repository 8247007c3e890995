import { runDefinition, loadStateMachineDefinitions, analyzeDefinition, prepareDefinition } from '#scripts/local/localStepFunctions';
import { SYNTHETIC_MACHINE, SYNTHETIC_HANDLERS } from '../../tests/local/fixtures/syntheticMachine.ts';
import { StateMachine } from 'aws-local-stepfunctions';
const t0 = performance.now();
const out = await runDefinition(SYNTHETIC_MACHINE, { items: [1, 2, 3, 4, 5, 6], options: {} }, { handlers: SYNTHETIC_HANDLERS, workers: 2, onEvent: (e) => console.log(JSON.stringify(e)) });
console.log('OUT', JSON.stringify(out), Math.round(performance.now() - t0));
try { await runDefinition(SYNTHETIC_MACHINE, { items: [1, 2, 3, 4, 5, 6], options: { failOn: 4 } }, { handlers: SYNTHETIC_HANDLERS, workers: 2 }); } catch (e) { console.log('ERR', e); }
const t1 = performance.now();
const defs = await loadStateMachineDefinitions();
console.log('defs', defs.source, defs.logicalIds, Math.round(performance.now() - t1));
for (const d of [defs.sweep, defs.lift]) { new StateMachine(prepareDefinition(d) as any, { validationOptions: { checkArn: true, checkPaths: true } }); console.log(analyzeDefinition(d).tasks.map((t) => t.state + (t.map ? '@' + t.map : ''))); }
