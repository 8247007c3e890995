/** The policy shipped with the project, used when a sweep names none. */
import defaultPolicyJson from '../../policies/default.json' with { type: 'json' };
import { parsePolicy } from './loadPolicy.ts';
import type { Policy } from './policySchema.ts';

export function defaultPolicy(): Policy {
  return parsePolicy(defaultPolicyJson, 'policies/default.json');
}
