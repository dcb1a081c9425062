// "Copy link" in the share bar: hidden in the server's HTML (it needs a clipboard), shown here.
// Markup: components/article/copy-link-button.tsx (data-island="copy-link" data-path, and a
// status line beside it).
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-island="copy-link"]')) {
  const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
  let reset: ReturnType<typeof setTimeout> | undefined;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const address = new URL(button.dataset.path ?? window.location.pathname, window.location.origin).href;
    let said: string;
    try {
      await navigator.clipboard.writeText(address);
      said = 'Link copied';
    } catch {
      said = 'Could not copy the link';
    }
    if (status) status.textContent = said;
    clearTimeout(reset);
    reset = setTimeout(() => {
      if (status) status.textContent = '';
    }, 2500);
  });
}
