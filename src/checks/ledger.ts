// The step ledger: what each step of a check did, and the verdict rule. Every
// step starts as "needed but not done", so a path through a check that
// forgets a step yields `inconclusive`, never `pass`.
import type { Unreachable } from './ports.js';
import type { Finding, Step, StepName, StepStatus, Verdict } from './types.js';

/** The order of the steps in every report. */
export const STEP_ORDER: readonly StepName[] = [
  'local',
  'mirror-cache',
  'warm',
  'origin',
  'mirror-content',
  'sumdb',
];

/** The steps that ask the mirror. */
export const MIRROR_STEPS = ['mirror-cache', 'warm', 'origin', 'mirror-content'] as const;

/** The start of a step's detail when the user's settings turned the step off. */
export const BY_CONFIG = 'skipped by configuration';

const NOT_REACHED = 'not reached';

/** The verdict rule, in one place: errors fail; anything needed but unchecked is inconclusive. */
export function decideVerdict(report: {
  findings: readonly Finding[];
  steps: readonly Step[];
}): Verdict {
  if (report.findings.some((f) => f.severity === 'error')) return 'fail';
  if (report.steps.some((s) => s.status === 'unchecked' || s.status === 'failed')) {
    return 'inconclusive';
  }
  return 'pass';
}

export class StepLedger {
  private readonly state = new Map<StepName, { status: StepStatus; detail: string }>();
  private readonly attempts = new Map<StepName, number>();

  constructor(readonly order: readonly StepName[] = STEP_ORDER) {
    for (const name of order) this.state.set(name, { status: 'unchecked', detail: NOT_REACHED });
  }

  set(name: StepName, status: StepStatus, detail: string): void {
    this.state.set(name, { status, detail });
  }

  /** The same status and detail for several steps. */
  setAll(names: readonly StepName[], status: StepStatus, detail: string): void {
    for (const name of names) this.set(name, status, detail);
  }

  status(name: StepName): StepStatus | undefined {
    return this.state.get(name)?.status;
  }

  /** Adds requests made for a step (each one also logged as a progress line). */
  count(name: StepName, n: number): void {
    if (n > 0) this.attempts.set(name, (this.attempts.get(name) ?? 0) + n);
  }

  /**
   * Steps that could not be done because a remote side was unreachable: the
   * first gets `detail` (default the reason), the others say why they follow.
   */
  unreachable(r: Unreachable, names: readonly StepName[], detail?: string): void {
    names.forEach((n, i) =>
      this.set(
        n,
        'unchecked',
        i === 0 ? (detail ?? r.reason) : r.deadline === true ? r.reason : 'mirror unreachable',
      ),
    );
  }

  /** Once the deadline ended the check: the steps it never reached say so. */
  cutShort(detail: string): void {
    for (const [name, s] of this.state) {
      if (s.status === 'unchecked' && s.detail === NOT_REACHED) this.set(name, 'unchecked', detail);
    }
  }

  steps(): Step[] {
    return this.order.map((name) => {
      const n = this.attempts.get(name);
      return {
        name,
        ...(this.state.get(name) ?? { status: 'unchecked' as const, detail: NOT_REACHED }),
        ...(n !== undefined ? { attempts: n } : {}),
      };
    });
  }
}
