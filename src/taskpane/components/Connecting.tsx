// What the pane shows inside Office until Office.onReady answers: a spinner, and after a while a
// way to work on files meanwhile. It never gives up on Excel by itself (SPEC §10).

import {
  Button,
  FluentProvider,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Strings } from "../i18n";

/** After this long the pane offers the files; it keeps waiting for Excel either way. */
export const SLOW_AFTER_MS = 10_000;

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "100%",
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  slow: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  button: { alignSelf: "flex-start", maxWidth: "100%" },
});

export interface ConnectingProps {
  readonly strings: Strings;
  /** The user chose to work on files while Excel is still starting. */
  readonly onUseFiles: () => void;
}

export function Connecting({ strings, onUseFiles }: ConnectingProps) {
  const styles = useStyles();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <FluentProvider theme={webLightTheme} lang="vi">
      <main className={styles.root} data-testid="host-connecting" aria-busy="true">
        <Spinner size="small" labelPosition="after" label={strings.connecting} />
        {slow && (
          <>
            <p className={styles.slow} role="status">
              {strings.connectingSlow(SLOW_AFTER_MS / 1000)}
            </p>
            <Button className={styles.button} onClick={onUseFiles} data-testid="connecting-use-files">
              {strings.connectingUseFiles}
            </Button>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
