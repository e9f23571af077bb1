// as: src/main/fixture.ts
// expects: boundaries/dependencies
import { App } from '../renderer/src/App';

export const page = App;
