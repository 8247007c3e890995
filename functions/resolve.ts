// Placeholder until the stage lands; the CDK app needs the entry to exist.
export const handler = async (_event: unknown): Promise<never> => {
  throw new Error('stage resolve is not implemented yet');
};
