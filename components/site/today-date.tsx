import { IslandScript } from './island-script';

// The masthead date as the cached page was rendered; the today-date island
// (islands/today-date.ts) corrects it in the reader's browser after midnight in the newsroom's zone.
export function TodayDate({ label, timeZone }: { label: string; timeZone: string }) {
  return (
    <>
      <time data-testid="masthead-date" data-island="today-date" data-time-zone={timeZone}>
        {label}
      </time>
      <IslandScript name="today-date" />
    </>
  );
}
