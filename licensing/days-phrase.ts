// "1 day", "13 days", "less than a day": how the CLI and the status bar say a trial's days left.
export function daysPhrase(days: number): string {
  if (days <= 0) return 'less than a day';
  return days === 1 ? '1 day' : `${days} days`;
}
