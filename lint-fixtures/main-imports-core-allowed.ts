// as: src/main/fixture.ts
// expects: nothing
import { app } from 'electron';
import { createCockpit } from '../core/cockpit';
import { QUERY_NAMES } from '../shared/queries';

export const parts = [app, createCockpit, QUERY_NAMES];
