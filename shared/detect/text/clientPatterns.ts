/** Names of the software behind a post, as the platform records its client. */

/** Group-control and cloud-control systems (群控, 云控, 中控) and account matrices (矩阵): many phones or accounts driven at once. */
export const GROUP_CONTROL_TOOL = /群控|云控|中控|cloud-?control|group-?control|matrix|矩阵/i;
