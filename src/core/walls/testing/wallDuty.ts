import type { Cache } from '../../cache';
import { configSchema, type CockpitConfig } from '../../../shared/config';
import { silentLogger } from '../../log/logger';
import type { ReadModel } from '../../readModel';
import { createWallDuty, type WallDuty } from '../wallDuty';

/** The walls over a test cache, not started (no evaluation runs until a test asks). */
export function wallDutyOver(cache: Cache, readModel: ReadModel, now: () => number, config: CockpitConfig = configSchema.parse({})): WallDuty {
  return createWallDuty({ db: cache.db, readModel, config, sourceIds: ['test'], now, logger: silentLogger, notify: () => {} });
}
