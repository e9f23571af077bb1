// as: src/renderer/src/fixture.ts
// expects: boundaries/dependencies
import { uiConfigOf } from '../../core/cockpit';

export const ui = uiConfigOf;
