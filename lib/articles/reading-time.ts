// An adult reads news prose at roughly 200–250 words a minute; 230 sits in the middle.
export const DEFAULT_WORDS_PER_MINUTE = 230;

// Whole minutes, rounded up, never less than one: "0 min read" reads as a bug.
export function readingTimeMinutes(wordCount: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  const rate = Number.isFinite(wordsPerMinute) && wordsPerMinute > 0 ? wordsPerMinute : DEFAULT_WORDS_PER_MINUTE;
  if (!Number.isFinite(wordCount) || wordCount <= 0) return 1;
  return Math.max(1, Math.ceil(wordCount / rate));
}

export function formatReadingTime(minutes: number): string {
  const whole = Number.isFinite(minutes) ? Math.max(1, Math.ceil(minutes)) : 1;
  return `${whole} min read`;
}
