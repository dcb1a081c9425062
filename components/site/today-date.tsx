import { IslandScript } from './island-script';

// The masthead date as the cached page was rendered, and when it stops being true (the next
// midnight in the newsroom's zone); from then on the today-date island (islands/today-date.ts)
// corrects it in the reader's browser.
export function TodayDate({ label, timeZone, validUntil }: { label: string; timeZone: string; validUntil: number }) {
  return (
    <>
      <time data-testid="masthead-date" data-island="today-date" data-time-zone={timeZone} data-valid-until={validUntil}>
        {label}
      </time>
      <IslandScript name="today-date" />
    </>
  );
}
