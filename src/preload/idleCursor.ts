export interface IdleCursorDeps {
  setHidden(hidden: boolean): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Hides the mouse cursor on a wall after a quiet spell and shows it again on the next move.
 * Lives in the preload (which sees the page's DOM but not its JavaScript): main injects the
 * CSS that hides the cursor under a class on <html>, and this toggles the class.
 */
export class IdleCursor {
  private hideAfterMs = 0;
  private timer: unknown = null;
  private hidden = false;

  constructor(private readonly deps: IdleCursorDeps) {}

  /** 0 turns hiding off (and shows the cursor). */
  setHideAfter(ms: number): void {
    this.hideAfterMs = Math.max(0, ms);
    this.activity();
  }

  /** Any mouse or touch input. */
  activity(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
    if (this.hidden) {
      this.hidden = false;
      this.deps.setHidden(false);
    }
    if (this.hideAfterMs > 0) {
      this.timer = this.deps.setTimeout(() => {
        this.timer = null;
        this.hidden = true;
        this.deps.setHidden(true);
      }, this.hideAfterMs);
    }
  }
}
