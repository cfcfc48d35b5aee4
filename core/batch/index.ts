// Batch renders from data (`atropos render --data`, VS Code's Render Batch…): the one home of the row
// substitution, the row checks, the output naming, the row loop and the manifest.
export { withRowVariables, type DataRow } from './row-variables';
export { parseDataRows, dataFormatOf, csvRecords, DataRowsError, type DataFormat } from './data-rows';
export { outputFor, rowId, defaultOutputPattern, manifestPathFor } from './output-pattern';
export { checkRows, rowErrorText, type CheckedRow, type CheckRowsOptions } from './check-rows';
export { renderRows, type GoodRow, type RowRenderer, type RowEvents } from './render-rows';
export { manifestText, summarise, type BatchManifest, type BatchManifestEntry, type BatchSummary } from './manifest';
