// Acknowledged warnings: a warning a user has looked at and accepted, with a note. An acknowledgement
// names the warning by what it says (table, row, rule and message), because problems are recomputed and
// renumbered after every change; it applies while that row has not been written since, so re-validation
// keeps it and a change to the data the warning is about makes it lapse (storage checks the audit log).

/** Who accepted a warning, when and why. */
export interface ProblemAcknowledgement {
  id: number;
  note: string;
  os_user: string;
  at: string;
}

/** One acknowledgement or withdrawal, as the audit log keeps it. */
export interface AcknowledgementEvent {
  change_set: number;
  at: string;
  os_user: string;
  action: 'acknowledged' | 'withdrawn';
  hole_id: string;
  rule: string;
  message: string;
  note: string;
}

/** What an acknowledgement and a stored problem are compared on. */
export interface WarningIdentity {
  table: string;
  row_id: number | null;
  rule: string;
  message: string;
}

/**
 * Whether an acknowledgement given to `acknowledged` applies to `problem` (the rule storage applies in
 * SQL), given whether the row was written since.
 */
export function acknowledgementApplies(
  acknowledged: WarningIdentity,
  problem: WarningIdentity,
  rowWrittenSince: boolean,
): boolean {
  return (
    !rowWrittenSince &&
    acknowledged.table === problem.table &&
    acknowledged.row_id === problem.row_id &&
    acknowledged.rule === problem.rule &&
    acknowledged.message === problem.message
  );
}
