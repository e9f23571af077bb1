// as: src/shared/fixture.ts
// expects: boundaries/dependencies
import { createCockpit } from '../core/cockpit';

export const start = createCockpit;
