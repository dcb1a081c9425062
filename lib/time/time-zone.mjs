// @ts-check
// Plain JavaScript so platform/config.mjs (loaded by scripts/start.mjs without a build step) can check
// GAZETTE_TIME_ZONE with the same rule the rest of the app uses (re-exported by lib/time/dates.ts).

/**
 * An IANA zone name this runtime knows ("Europe/Kyiv", "UTC"). Fixed offsets such as "+02:00"
 * are refused: they ignore daylight saving time.
 * @param {string} tz
 * @returns {boolean}
 */
export function isValidTimeZone(tz) {
  if (typeof tz !== 'string' || tz.trim() === '' || /^[+-]/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
