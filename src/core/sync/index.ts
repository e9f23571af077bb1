export { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncSummary, type EndpointSummary } from './engine';
export { DATA_ENDPOINTS, META_ENDPOINT, intervalMs } from './endpoints';
