// as: src/preload/fixture.ts
// expects: boundaries/dependencies
import { createCore } from '../core/core';

export const start = createCore;
