// The one dialog that asks for a short text before an action: a reason, a message to send, an
// introduction. It keeps the text, shows the server's error inline and stays open until the action succeeds.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from './ui.tsx';

export type PromptModalProps = {
  title: string;
  /** The text field's label and hint. */
  label: string;
  placeholder?: string;
  minRows?: number;
  maxLength?: number;
  /** The button that runs the action, e.g. "Send", "Confirm". */
  submitLabel: string;
  submitColor?: string;
  /** When given, a cancel button with this label closes the dialog. */
  cancelLabel?: string;
  /** What the dialog is about, shown above the text (e.g. the invitees). */
  children?: ReactNode;
  /** Other fields shown below the text (e.g. a priority switch). */
  after?: ReactNode;
  /** Where the error is shown: above the text field (default) or below it. */
  errorBelow?: boolean;
  /** Runs the action with the text; the caller closes the dialog when it succeeds. When it throws, the error is shown and the dialog stays. */
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
  opened?: boolean;
};

export function PromptModal({ title, label, placeholder, minRows = 2, maxLength, submitLabel, submitColor, cancelLabel, children, after, errorBelow, onSubmit, onClose, opened = true }: PromptModalProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true); setError(null);
    try { await onSubmit(text); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const alert = <ErrorAlert error={error} />;
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {!errorBelow && alert}
        {children}
        <Textarea label={label} placeholder={placeholder} autosize minRows={minRows} maxLength={maxLength} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        {after}
        {errorBelow && alert}
        <Group justify="flex-end">
          {cancelLabel && <Button variant="default" onClick={onClose}>{cancelLabel}</Button>}
          <Button color={submitColor} loading={busy} onClick={submit}>{submitLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
