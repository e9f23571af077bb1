// as: src/renderer/src/fixture.ts
// expects: nothing
import { isAffected } from '../../shared/queries';
import { getTransport } from './transport';

export const parts = [isAffected, getTransport];
