// as: src/main/fixture.ts
// expects: nothing
import { app } from 'electron';
import { createCore } from '../core/core';
import { QUERY_NAMES } from '../shared/queries';

export const parts = [app, createCore, QUERY_NAMES];
