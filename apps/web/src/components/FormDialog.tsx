import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import styles from './Workspace.module.css';

/**
 * A button that opens a titled dialog: `trigger` is the button, `children` the dialog's body,
 * given `close` for its cancel button and for closing once done. Escape or a click outside
 * dismisses it.
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
