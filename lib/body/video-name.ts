// The accessible name of a video's play link. Editors often begin a video's title with "Video:"
// (the seed does too); the link already says it plays a video, so that word is not said twice.
export function videoTitle(title: string | undefined): string {
  return (title ?? '').trim().replace(/^video\s*[:\-–—|]\s*/i, '').trim();
}

export function playVideoName(title: string | undefined): string {
  const clean = videoTitle(title);
  return clean ? `Play video: ${clean}` : 'Play video';
}
