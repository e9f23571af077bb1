// as: src/shared/fixture.ts
// expects: boundaries/dependencies
import { startStack } from '../../e2e/fixtures/stack';

export const stack = startStack;
