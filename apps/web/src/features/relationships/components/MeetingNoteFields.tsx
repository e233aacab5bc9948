import { TextareaField } from '../../../components/ui/TextareaField';

export type MeetingNotes = { privateNote: string; sharedNote: string };

/** A held meeting's two notes, the private one for its writer and the shared one for the partner. */
export function MeetingNoteFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: MeetingNotes;
  onChange: (notes: MeetingNotes) => void;
}) {
  return (
    <>
      <TextareaField
        id={`${idPrefix}-private`}
        label="Private note (only you can read it)"
        name="privateNote"
        maxLength={2000}
        value={value.privateNote}
        onChange={(text) => onChange({ ...value, privateNote: text })}
      />
      <TextareaField
        id={`${idPrefix}-shared`}
        label="Shared note for your partner (optional)"
        name="sharedNote"
        maxLength={2000}
        value={value.sharedNote}
        onChange={(text) => onChange({ ...value, sharedNote: text })}
      />
    </>
  );
}
