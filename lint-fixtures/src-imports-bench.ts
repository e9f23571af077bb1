// as: src/core/fixture.ts
// expects: boundaries/dependencies
import { startStack } from '../../bench/renderer-common';

export const stack = startStack;
