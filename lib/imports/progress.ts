// Validation progress in bytes, kept in this server process while a file is read (the rows read so far are in
// ImportJob.totalRows; the byte share gives the bar a percentage before the row total is known).
const reading = new Map<string, { bytesRead: number; bytesTotal: number }>();

export function setReadProgress(jobId: string, bytesRead: number, bytesTotal: number): void {
  reading.set(jobId, { bytesRead, bytesTotal });
}
export function clearReadProgress(jobId: string): void {
  reading.delete(jobId);
}
export function readProgress(jobId: string): { bytesRead: number; bytesTotal: number } | null {
  return reading.get(jobId) ?? null;
}

/**
 * Jobs being validated or applied in this process: a local shortcut for "busy". Across instances the database
 * claim decides who applies (claimImportApply, decision 032).
 */
export const busyJobs = new Set<string>();
