export { startHub, type Hub, type HubCore, type HubOptions } from './server';
export { COCKPIT_CSP, MAP3D_CSP } from './security';
export { isLoopbackHost } from './security';
