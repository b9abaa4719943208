// TEMP(issue 9): re-export for checks/wire until they import ../internal
export { unifiedDiff, type TextDiffLimits } from '../internal/text-diff.js';
