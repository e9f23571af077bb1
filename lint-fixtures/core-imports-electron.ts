// as: src/core/fixture.ts
// expects: no-restricted-imports
import { app } from 'electron';

export const name = app.getName();
