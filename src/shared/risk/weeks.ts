/** Risk weeks are ISO weeks named by their Monday (YYYY-MM-DD, district-local; see ../districtTime.ts). */
import { addDays } from '../districtTime';

export function nextWeekStart(weekStart: string): string {
  return addDays(weekStart, 7);
}
