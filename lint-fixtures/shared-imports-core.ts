// as: src/shared/fixture.ts
// expects: boundaries/dependencies
import { createCore } from '../core/core';

export const start = createCore;
