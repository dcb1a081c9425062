import { islandSrc, type IslandName } from '@/lib/site/islands';

// Loads one island where the component that needs it is rendered. React puts an async script in
// the document's <head> once, however many components ask for it.
export function IslandScript({ name }: { name: IslandName }) {
  return <script type="module" async src={islandSrc(name)} />;
}
