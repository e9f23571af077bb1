/** The risk engine (五色图): pure functions shared by the core's read model and the simulator. */
export * from './model';
export * from './overrides';
export * from './assess';
export * from './baselines';
export * from './forecast';
export * from './assessHistory';
export * from './predictive';
export * from './weeks';
