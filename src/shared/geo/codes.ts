/**
 * Division codes appear as 6/9-digit codes (330113, 330113001) or padded to the 12-digit
 * statistical form (330113000000, 330113001000). Compare them in the short form.
 */
export function canonicalCode(code: string): string {
  const c = code.trim();
  if (/^\d{12}$/.test(c)) {
    if (c.endsWith('000000')) return c.slice(0, 6);
    if (c.endsWith('000')) return c.slice(0, 9);
  }
  return c;
}
