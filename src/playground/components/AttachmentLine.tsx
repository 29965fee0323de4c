import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { AttachRegular, DismissRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { bytesToBase64 } from '../base64.js';
import type { AttachmentEntry, ComposeMessage } from '../fake-office/compose-message.js';
import { usePlaygroundText } from '../playground-text.js';

const useStyles = makeStyles({
  line: { display: 'grid', gridTemplateColumns: '6.5rem 1fr', alignItems: 'start', gap: tokens.spacingHorizontalS },
  label: { paddingTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingLeft: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  badge: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  hidden: { display: 'none' },
});

interface Props {
  readonly attachments: readonly AttachmentEntry[];
  readonly message: ComposeMessage;
  readonly disabled: boolean;
}

/** Files from disk become attachments with their bytes in base64, as getAttachmentContentAsync returns them. */
export function AttachmentLine({ attachments, message, disabled }: Props) {
  const styles = useStyles();
  const text = usePlaygroundText();
  const picker = useRef<HTMLInputElement>(null);
  const [inline, setInline] = useState(false);

  const attach = async (files: FileList | null): Promise<void> => {
    for (const file of Array.from(files ?? [])) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      message.addAttachment({ name: file.name, inline, contentBase64: bytesToBase64(bytes), size: bytes.length });
    }
    if (picker.current !== null) picker.current.value = '';
  };

  return (
    <div className={styles.line}>
      <span className={styles.label}>{text('playground.attachments.title')}</span>
      <div className={styles.list} data-testid="compose-attachments">
        {attachments.length === 0 ? <span>{text('playground.attachments.none')}</span> : null}
        {attachments.map((attachment) => (
          <span key={attachment.id} className={styles.chip} data-testid="compose-attachment">
            {text('playground.attachments.size', { name: attachment.name, size: attachment.size })}
            {attachment.inline ? <span className={styles.badge}>{text('playground.attachments.inlineBadge')}</span> : null}
            <Button
              size="small"
              appearance="transparent"
              icon={<DismissRegular />}
              disabled={disabled}
              aria-label={text('playground.attachments.remove', { name: attachment.name })}
              onClick={() => message.removeAttachment(attachment.id)}
            />
          </span>
        ))}
        <input
          ref={picker}
          className={styles.hidden}
          type="file"
          multiple
          data-testid="compose-attach-input"
          onChange={(event) => void attach(event.currentTarget.files)}
        />
        <Button icon={<AttachRegular />} disabled={disabled} data-testid="compose-attach" onClick={() => picker.current?.click()}>
          {text('playground.attachments.choose')}
        </Button>
        <Checkbox
          checked={inline}
          disabled={disabled}
          label={text('playground.attachments.inline')}
          data-testid="compose-attach-inline"
          onChange={(_, data) => setInline(data.checked === true)}
        />
      </div>
    </div>
  );
}
