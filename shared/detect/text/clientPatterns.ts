/** Names of the software behind a post, as the platform records its client. */

/**
 * Group-control and cloud-control systems (群控, 云控, 中控): many phones or accounts driven at once. Not account
 * "matrix" tools (矩阵): businesses run matrices of their own accounts with them legitimately.
 */
export const GROUP_CONTROL_TOOL = /群控|云控|中控|cloud-?control|group-?control/i;
