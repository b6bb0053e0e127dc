// Findings grouped by sheet with error/warning counts; each finding with a cell is a button that
// points at that cell (selects it in Excel, or shows its address standalone). Text is escaped by React.

import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/findings";
import { forThePage } from "../../core/messages";
import { groupFindings } from "../findings-view";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  heading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: { marginTop: tokens.spacingVerticalXS },
  finding: {
    width: "100%",
    maxWidth: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    minWidth: 0,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  text: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  where: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  plain: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, overflowWrap: "anywhere" },
});

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  /**
   * Every finding, when `findings` groups some (a blank template's cells in one line): the badges
   * count these, as the verdict above does ("Chỉ tiêu 10 lỗi" over one line naming ten cells).
   */
  readonly counted?: readonly Finding[];
  readonly strings: Strings;
  readonly onSelect: (sheet: string, cell: string) => void;
}

export function FindingsList({ findings, counted, strings: t, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const groups = groupFindings(findings);
  const totals = new Map(groupFindings(counted ?? findings).map((g) => [g.sheet, g]));
  return (
    <section aria-label={t.findingsLabel}>
      {groups.map(({ sheet, findings: listed }) => {
        const g = totals.get(sheet) ?? { sheet, findings: listed, errors: 0, warnings: 0 };
        return (
          <div key={g.sheet ?? "\u0000"} className={styles.group}>
            <h3 className={styles.heading}>
              <span>{g.sheet ?? t.generalGroup}</span>
              {g.errors > 0 && (
                <Badge color="danger" appearance="filled" aria-label={t.errorCount(g.errors)}>
                  {t.errorCount(g.errors)}
                </Badge>
              )}
              {g.warnings > 0 && (
                <Badge color="warning" appearance="filled" aria-label={t.warningCount(g.warnings)}>
                  {t.warningCount(g.warnings)}
                </Badge>
              )}
            </h3>
            <ul className={styles.list}>
              {listed.map((f, i) => {
                const sev = f.severity === "error" ? t.errorWord : t.warningWord;
                const body = (
                  <span className={styles.text}>
                    <span>
                      <Badge
                        size="small"
                        color={f.severity === "error" ? "danger" : "warning"}
                        appearance="tint"
                      >
                        {sev}
                      </Badge>{" "}
                      {forThePage(f.message)}
                    </span>
                    <span className={styles.where}>
                      {/* The code is for looking it up (SPEC §4), small and grey after the message, said to
                          be a code ("Mã: COERCED"); read aloud it was English mid-sentence. */}
                      <span aria-hidden="true">{t.findingCode(f.code)}</span>
                      {f.sheet !== null && f.cell !== null ? ` · ${t.cellRef(f.sheet, f.cell)}` : ""}
                    </span>
                  </span>
                );
                const { sheet, cell } = f;
                return (
                  <li
                    key={`${f.code}-${f.cell ?? ""}-${i}`}
                    className={styles.item}
                    data-finding-code={f.code}
                    data-cell={cell ?? ""}
                  >
                    {sheet !== null && cell !== null ? (
                      <Button
                        appearance="subtle"
                        className={styles.finding}
                        aria-label={t.findingButtonLabel(sev, sheet, cell, forThePage(f.message))}
                        onClick={() => onSelect(sheet, cell)}
                      >
                        {body}
                      </Button>
                    ) : (
                      <div className={styles.plain}>{body}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
