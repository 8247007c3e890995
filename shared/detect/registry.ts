/**
 * Every channel and account detector the pipeline runs. Order is fixed (determinism):
 * the pipeline iterates these arrays as they stand.
 */
import type { AccountDetector, Channel } from './detectorPorts.ts';
import { accountTransformationDetector } from './detectors/accountTransformation.ts';
import { aiHostedDetector } from './detectors/aiHosted.ts';
import { engagementBaitDetector } from './detectors/engagementBait.ts';
import { clientChannel, deviceChannel, fakeAccountDetector, networkChannel } from './detectors/fakeAccount.ts';
import { falseQualificationDetector, licenseChannel } from './detectors/falseQualification.ts';
import { homogeneousContentDetector, noteMinhashChannel } from './detectors/homogeneousContent.ts';
import { notePhrasesChannel } from './detectors/notePhrases.ts';
import { misleadingMarketingDetector } from './detectors/misleadingMarketing.ts';
import { contactChannel, trafficDiversionDetector } from './detectors/trafficDiversion.ts';
import { brandNotesChannel, undisclosedPromotionDetector } from './detectors/undisclosedPromotion.ts';
import { noteCommentsChannel, waterArmyDetector } from './detectors/waterArmy/index.ts';

export const CHANNELS: Channel[] = [contactChannel, noteCommentsChannel, deviceChannel, networkChannel, clientChannel, noteMinhashChannel, brandNotesChannel, licenseChannel, notePhrasesChannel];

export const ACCOUNT_DETECTORS: AccountDetector[] = [
  fakeAccountDetector,
  homogeneousContentDetector,
  engagementBaitDetector,
  trafficDiversionDetector,
  waterArmyDetector,
  undisclosedPromotionDetector,
  misleadingMarketingDetector,
  accountTransformationDetector,
  aiHostedDetector,
  falseQualificationDetector,
];
