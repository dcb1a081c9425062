'use client';

import { useId, useRef, useState, type ReactNode } from 'react';

// Asks before something that cannot be taken back in one click. A native <dialog> opened with
// showModal(): the rest of the page is inert, focus moves into it (the reason box, else Cancel),
// Escape cancels, the title labels it and the text describes it, and focus returns to the button
// that opened it.
//
// Two ways to use it:
//  - inside a <form> (no onConfirm): the opener is a submit button the dialog intercepts; the
//    dialog's confirm button submits the form with confirm=yes (and the reason box, if any). With
//    JavaScript off the opener posts without confirm=yes, which the server refuses with a message
//    (lib/validation/confirm.ts), so nothing happens by accident.
//  - with onConfirm: both buttons are plain buttons and onConfirm gets the reason.
export function ConfirmDialog({
  opener,
  openerClassName = '',
  openerDisabled = false,
  title,
  children,
  confirmLabel,
  tone = 'danger',
  reason,
  onConfirm,
}: {
  opener: ReactNode;
  openerClassName?: string;
  openerDisabled?: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  // A reason box: required ones stop the confirm button until something is written.
  reason?: { label: string; required?: boolean; hint?: string };
  onConfirm?: (reason: string) => void;
}) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState('');
  const inForm = !onConfirm;

  function open(event: React.MouseEvent) {
    event.preventDefault();
    dialogRef.current?.showModal();
    (reasonRef.current ?? cancelRef.current)?.focus();
  }

  function close() {
    dialogRef.current?.close();
  }

  function confirm(event: React.MouseEvent) {
    const box = reasonRef.current;
    if (box && !box.checkValidity()) {
      event.preventDefault();
      box.reportValidity();
      return;
    }
    if (onConfirm) {
      onConfirm(text.trim());
      close();
      return;
    }
    // The click goes on to submit the form; the dialog closes once it has.
    setTimeout(close);
  }

  const confirmLook =
    tone === 'danger' ? 'border border-accent bg-accent text-accent-ink hover:bg-accent/85' : 'bg-ink text-paper hover:bg-ink/85';
  return (
    <>
      <button ref={openerRef} type={inForm ? 'submit' : 'button'} disabled={openerDisabled} onClick={open} className={openerClassName}>
        {opener}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={children ? `${id}-text` : undefined}
        onClose={() => {
          if (openerRef.current?.isConnected) openerRef.current.focus();
        }}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-lg border border-rule bg-paper p-0 text-left text-ink shadow-xl backdrop:bg-ink/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="font-serif text-xl font-bold">
            {title}
          </h2>
          {children ? (
            <div id={`${id}-text`} className="space-y-2 text-sm">
              {children}
            </div>
          ) : null}
          {reason ? (
            <div className="space-y-1">
              <label htmlFor={`${id}-reason`} className="block text-sm font-semibold">
                {reason.label}
                {reason.required ? null : <span className="font-normal text-muted"> (optional)</span>}
              </label>
              {reason.hint ? (
                <p id={`${id}-hint`} className="text-xs text-muted">
                  {reason.hint}
                </p>
              ) : null}
              <textarea
                ref={reasonRef}
                id={`${id}-reason`}
                name="reason"
                rows={3}
                maxLength={500}
                required={reason.required}
                aria-describedby={reason.hint ? `${id}-hint` : undefined}
                value={text}
                onChange={(e) => setText(e.target.value)}
                className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm"
              />
            </div>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            <button ref={cancelRef} type="button" onClick={close} className="rounded-md border border-rule bg-paper px-4 py-2 text-sm font-semibold hover:border-ink">
              Cancel
            </button>
            {/* confirm=yes is what the server asks for (lib/validation/confirm.ts). */}
            <button
              type={inForm ? 'submit' : 'button'}
              name={inForm ? 'confirm' : undefined}
              value={inForm ? 'yes' : undefined}
              onClick={confirm}
              className={`rounded-md px-4 py-2 text-sm font-semibold ${confirmLook}`}
            >
              {confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
