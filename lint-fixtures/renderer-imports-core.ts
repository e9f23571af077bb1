// as: src/renderer/src/fixture.ts
// expects: boundaries/dependencies
import { uiConfigOf } from '../../core/core';

export const ui = uiConfigOf;
