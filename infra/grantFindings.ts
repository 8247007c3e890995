import type { IConstruct } from 'constructs';
import type { AccessTargets } from './stageAccess.ts';

/** Placeholder until the grant wildcards are known. */
export function acknowledgeGrantWildcards(_module: string, _role: IConstruct, _targets: AccessTargets): void {}
