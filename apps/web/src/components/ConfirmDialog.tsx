import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, formStyles } from './Form';
import styles from './Workspace.module.css';

/**
 * A button that asks before it acts: an alert dialog saying what will happen, the action and
 * "cancel" (focused first, so Enter never confirms by accident). `onConfirm` runs after it closes.
 */
export function ConfirmDialog({
  trigger,
  triggerLabel,
  title,
  children,
  confirm,
  cancel,
  onConfirm,
  isDisabled,
  danger,
}: {
  /** the visible text of the button that opens the dialog */
  trigger: ReactNode;
  /** its accessible name when the text alone is ambiguous (e.g. one per table row) */
  triggerLabel?: string;
  title: string;
  children?: ReactNode;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  isDisabled?: boolean;
  danger?: boolean;
}) {
  return (
    <DialogTrigger>
      <Button className={`${formStyles.button} ${styles.secondary}`} isDisabled={isDisabled} aria-label={triggerLabel}>
        {trigger}
      </Button>
      <ModalOverlay className={styles.overlay} isDismissable>
        <Modal className={styles.modal}>
          <Dialog role="alertdialog" className={styles.dialog}>
            {({ close }) => (
              <>
                <Heading slot="title" className={styles.dialogTitle}>
                  {title}
                </Heading>
                {children}
                <div className={styles.actions}>
                  <Button
                    className={danger ? `${formStyles.button} ${styles.danger}` : formStyles.button}
                    onPress={() => {
                      close();
                      onConfirm();
                    }}
                  >
                    {confirm}
                  </Button>
                  <Button className={`${formStyles.button} ${styles.secondary}`} onPress={close} autoFocus>
                    {cancel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/**
 * A button that opens a titled dialog; `children` gets `close`. Kept beside ConfirmDialog: one
 * chunk for both, no new chunk named in the entry's preload map.
 */
export function FormDialog({
  trigger,
  title,
  modalClassName,
  children,
}: {
  trigger: ReactNode;
  title: string;
  /** a class added to the modal's (e.g. a wider one) */
  modalClassName?: string;
  children: (close: () => void) => ReactNode;
}) {
  return (
    <DialogTrigger>
      {trigger}
      <ModalOverlay className={styles.overlay} isDismissable>
        <Modal className={modalClassName ? `${styles.modal} ${modalClassName}` : styles.modal}>
          <Dialog className={styles.dialog}>
            {({ close }) => (
              <>
                <Heading slot="title" className={styles.dialogTitle}>
                  {title}
                </Heading>
                {children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
