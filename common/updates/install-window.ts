/** The policy's install window ("02:00-05:00", local time; "22:00-02:00" crosses midnight). Pure. */

const minutesOf = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** Whether `at` (its local time of day) falls in `window`: start inclusive, end exclusive. */
export function isInInstallWindow(window: string, at: Date): boolean {
  const [start = '', end = ''] = window.split('-');
  const from = minutesOf(start);
  const to = minutesOf(end);
  const now = at.getHours() * 60 + at.getMinutes();
  return from < to ? now >= from && now < to : now >= from || now < to;
}
