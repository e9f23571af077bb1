// as: src/core/fixture.ts
// expects: @typescript-eslint/no-explicit-any
export function take(value: any): string {
  return String(value);
}
