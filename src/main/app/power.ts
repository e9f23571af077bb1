import { powerSaveBlocker } from 'electron';

/** Keeps a wall's displays awake while config.wall.preventDisplaySleep is on. */
export class DisplaySleepBlocker {
  private id: number | null = null;

  set(enabled: boolean): void {
    if (enabled && (this.id === null || !powerSaveBlocker.isStarted(this.id))) {
      this.id = powerSaveBlocker.start('prevent-display-sleep');
    } else if (!enabled && this.id !== null) {
      powerSaveBlocker.stop(this.id);
      this.id = null;
    }
  }

  get active(): boolean {
    return this.id !== null && powerSaveBlocker.isStarted(this.id);
  }
}
