/**
 * Every channel and account detector the pipeline runs. Order is fixed (determinism):
 * the pipeline iterates these arrays as they stand.
 */
import type { AccountDetector, Channel } from './detectorPorts.ts';
import { clientChannel, deviceChannel, fakeAccountDetector, networkChannel } from './detectors/fakeAccount.ts';
import { contactChannel, trafficDiversionDetector } from './detectors/trafficDiversion.ts';
import { noteCommentsChannel, waterArmyDetector } from './detectors/waterArmy.ts';

export const CHANNELS: Channel[] = [contactChannel, noteCommentsChannel, deviceChannel, networkChannel, clientChannel];

export const ACCOUNT_DETECTORS: AccountDetector[] = [trafficDiversionDetector, waterArmyDetector, fakeAccountDetector];
